import express, { Router } from 'express';
import { z } from 'zod';
import {
  AdminAuditQuerySchema,
  AdminHolidaySchema,
  AdminProcedureListQuerySchema,
  AdminProcedureSchema,
  AdminProcedureUpdateSchema,
  AdminSettingBodySchema,
  AdminSmsPreviewSchema,
  AdminYearSchema,
  AdminPasswordResetSchema,
  AdminUnitCreateSchema,
  AdminUnitUpdateSchema,
  AdminUserCreateSchema,
  AdminUserUpdateSchema,
} from '@tannha/shared';
import { AppError } from '../../lib/errors';
import { endpoint, withStatus, type ModuleDeps, type Role } from '../../lib/http';
import { listAudit } from './admin.audit.service';
import {
  addHoliday,
  fillDefaultHolidays,
  listHolidays,
  removeHoliday,
} from './admin.calendar.service';
import {
  createAdminProcedure,
  importProcedures,
  listAdminProcedures,
  updateAdminProcedure,
} from './admin.catalogue.service';
import { listSettings, saveSetting } from './admin.settings.service';
import { previewSms } from './admin.sms.service';
import { createAdminUnit, listAdminUnits, updateAdminUnit } from './admin.units.service';
import {
  createAdminUser,
  listAdminUsers,
  resetAdminUserPassword,
  updateAdminUser,
} from './admin.users.service';

/** Managers may read what admins manage; only admins change it. */
export const ADMIN_READ: readonly Role[] = ['manager', 'admin'];
export const ADMIN_WRITE: readonly Role[] = ['admin'];
const IdParams = z.object({ id: z.uuid() });
const DateParams = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const KeyParams = z.object({ key: z.string().max(60) });
const ImportQuery = z.object({ fileName: z.string().max(200).optional() });
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const notText = () =>
  new AppError(415, 'procedures_file_not_text', {
    vi: 'Tệp tải lên không phải tệp văn bản CSV hoặc JSON (UTF-8). Hãy lưu danh mục dưới dạng CSV UTF-8 rồi tải lại.',
    en: 'The upload is not a UTF-8 CSV or JSON text file. Save the catalogue as CSV UTF-8 and upload it again.',
  });

/** /api/admin/… — users, units and the audit trail (catalogue, calendar, settings: sibling routers). */
export function adminRoutes(deps: ModuleDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get(
    '/admin/users',
    endpoint({ roles: ADMIN_READ }, async ({ auth }) => listAdminUsers(db, auth)),
  );
  router.post(
    '/admin/users',
    endpoint({ roles: ADMIN_WRITE, body: AdminUserCreateSchema }, async ({ auth, body, req }) =>
      withStatus(201, await createAdminUser(db, auth, body, req.ip)),
    ),
  );
  router.patch(
    '/admin/users/:id',
    endpoint(
      { roles: ADMIN_WRITE, params: IdParams, body: AdminUserUpdateSchema },
      async ({ auth, params, body, req }) => updateAdminUser(db, auth, params.id, body, req.ip),
    ),
  );
  router.post(
    '/admin/users/:id/password',
    endpoint(
      { roles: ADMIN_WRITE, params: IdParams, body: AdminPasswordResetSchema },
      async ({ auth, params, body, req }) =>
        resetAdminUserPassword(db, auth, params.id, body.password, req.ip),
    ),
  );

  router.get(
    '/admin/units',
    endpoint({ roles: ADMIN_READ }, async ({ auth }) => listAdminUnits(db, auth)),
  );
  router.post(
    '/admin/units',
    endpoint({ roles: ADMIN_WRITE, body: AdminUnitCreateSchema }, async ({ auth, body, req }) =>
      withStatus(201, await createAdminUnit(db, auth, body, req.ip)),
    ),
  );
  router.patch(
    '/admin/units/:id',
    endpoint(
      { roles: ADMIN_WRITE, params: IdParams, body: AdminUnitUpdateSchema },
      async ({ auth, params, body, req }) => updateAdminUnit(db, auth, params.id, body, req.ip),
    ),
  );

  router.get(
    '/admin/procedures',
    endpoint({ roles: ADMIN_READ, query: AdminProcedureListQuerySchema }, async ({ query }) =>
      listAdminProcedures(db, query),
    ),
  );
  router.post(
    '/admin/procedures',
    endpoint({ roles: ADMIN_WRITE, body: AdminProcedureSchema }, async ({ auth, body, req }) =>
      withStatus(201, await createAdminProcedure(db, auth, body, req.ip)),
    ),
  );
  router.patch(
    '/admin/procedures/:id',
    endpoint(
      { roles: ADMIN_WRITE, params: IdParams, body: AdminProcedureUpdateSchema },
      async ({ auth, params, body, req }) =>
        updateAdminProcedure(db, auth, params.id, body, req.ip),
    ),
  );
  router.post(
    '/admin/procedures/import',
    express.raw({ type: () => true, limit: IMPORT_MAX_BYTES }),
    endpoint({ roles: ADMIN_WRITE, query: ImportQuery }, async ({ auth, query, req, locale }) => {
      const raw = req.body as unknown;
      if (!Buffer.isBuffer(raw) || raw.length === 0 || raw.includes(0)) throw notText();
      const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
      if (text.includes('\uFFFD')) throw notText();
      return importProcedures(db, auth, text, locale, { fileName: query.fileName, ip: req.ip });
    }),
  );

  router.get(
    '/admin/holidays',
    endpoint({ roles: ADMIN_READ, query: AdminYearSchema }, async ({ query }) =>
      listHolidays(db, query.year),
    ),
  );
  router.post(
    '/admin/holidays',
    endpoint({ roles: ADMIN_WRITE, body: AdminHolidaySchema }, async ({ auth, body, req }) =>
      withStatus(201, await addHoliday(db, auth, body, req.ip)),
    ),
  );
  router.delete(
    '/admin/holidays/:date',
    endpoint({ roles: ADMIN_WRITE, params: DateParams }, async ({ auth, params, req }) =>
      removeHoliday(db, auth, params.date, req.ip),
    ),
  );
  router.post(
    '/admin/holidays/fill-defaults',
    endpoint({ roles: ADMIN_WRITE, body: AdminYearSchema }, async ({ auth, body, req }) =>
      fillDefaultHolidays(db, auth, body.year, req.ip),
    ),
  );

  router.get(
    '/admin/settings',
    endpoint({ roles: ADMIN_READ }, async () => listSettings(db)),
  );
  router.put(
    '/admin/settings/:key',
    endpoint(
      { roles: ADMIN_WRITE, params: KeyParams, body: AdminSettingBodySchema },
      async ({ auth, params, body, req }) => saveSetting(db, auth, params.key, body.value, req.ip),
    ),
  );

  // Template texts are read and saved at /api/sms/templates; this renders one with sample values.
  router.post(
    '/admin/sms/preview',
    endpoint({ roles: ADMIN_READ, body: AdminSmsPreviewSchema }, async ({ body }) =>
      previewSms(db, body),
    ),
  );

  router.get(
    '/admin/audit',
    endpoint({ roles: ADMIN_READ, query: AdminAuditQuerySchema }, async ({ auth, query }) =>
      listAudit(db, auth, query),
    ),
  );
  return router;
}
