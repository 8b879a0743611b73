import { Router } from 'express';
import { z } from 'zod';
import {
  AdminAuditQuerySchema,
  AdminPasswordResetSchema,
  AdminUnitCreateSchema,
  AdminUnitUpdateSchema,
  AdminUserCreateSchema,
  AdminUserUpdateSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps, type Role } from '../../lib/http';
import { listAudit } from './admin.audit.service';
import { createAdminUnit, listAdminUnits, updateAdminUnit } from './admin.units.service';
import { createAdminUser, listAdminUsers, resetAdminUserPassword, updateAdminUser } from './admin.users.service';

/** Managers may read what admins manage; only admins change it. */
export const ADMIN_READ: readonly Role[] = ['manager', 'admin'];
export const ADMIN_WRITE: readonly Role[] = ['admin'];
const IdParams = z.object({ id: z.uuid() });

/** /api/admin/… — users, units and the audit trail (catalogue, calendar, settings: sibling routers). */
export function adminRoutes(deps: ModuleDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get('/admin/users', endpoint({ roles: ADMIN_READ }, async ({ auth }) => listAdminUsers(db, auth)));
  router.post(
    '/admin/users',
    endpoint({ roles: ADMIN_WRITE, body: AdminUserCreateSchema }, async ({ auth, body, req }) => withStatus(201, await createAdminUser(db, auth, body, req.ip))),
  );
  router.patch(
    '/admin/users/:id',
    endpoint({ roles: ADMIN_WRITE, params: IdParams, body: AdminUserUpdateSchema }, async ({ auth, params, body, req }) => updateAdminUser(db, auth, params.id, body, req.ip)),
  );
  router.post(
    '/admin/users/:id/password',
    endpoint({ roles: ADMIN_WRITE, params: IdParams, body: AdminPasswordResetSchema }, async ({ auth, params, body, req }) =>
      resetAdminUserPassword(db, auth, params.id, body.password, req.ip),
    ),
  );

  router.get('/admin/units', endpoint({ roles: ADMIN_READ }, async ({ auth }) => listAdminUnits(db, auth)));
  router.post(
    '/admin/units',
    endpoint({ roles: ADMIN_WRITE, body: AdminUnitCreateSchema }, async ({ auth, body, req }) => withStatus(201, await createAdminUnit(db, auth, body, req.ip))),
  );
  router.patch(
    '/admin/units/:id',
    endpoint({ roles: ADMIN_WRITE, params: IdParams, body: AdminUnitUpdateSchema }, async ({ auth, params, body, req }) => updateAdminUnit(db, auth, params.id, body, req.ip)),
  );

  router.get('/admin/audit', endpoint({ roles: ADMIN_READ, query: AdminAuditQuerySchema }, async ({ query }) => listAudit(db, query)));
  return router;
}
