import express, { Router } from 'express';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { foldVietnamese, toVnDate } from '@tannha/shared';
import { queryRows } from '../../db/client';
import { AppError } from '../../lib/errors';
import { ALL_ROLES, endpoint, type ModuleDeps } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import {
  ADMIN_UNITS_MAX_BYTES,
  effectiveDateFromName,
  importAdminUnits,
} from './admin-units.import';

const ImportQuerySchema = z.object({
  effectiveDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
    .optional(),
  fileName: z.string().max(200).optional(),
});
const WardsQuerySchema = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
});

const notText = () =>
  new AppError(415, 'admin_units_not_text', {
    vi: 'Tệp tải lên không phải tệp văn bản JSON (UTF-8). Hãy chọn đúng tệp .json danh sách đơn vị hành chính.',
    en: 'The upload is not a UTF-8 JSON text file. Choose the .json list of administrative units.',
  });

/**
 * Administrative units: the import (admin, the file as the raw request body, up to 20 MB)
 * and the look-ups address pickers use.
 */
export function adminUnitsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.post(
    '/admin/admin-units/import',
    express.raw({ type: () => true, limit: ADMIN_UNITS_MAX_BYTES }),
    endpoint({ roles: ['admin'], query: ImportQuerySchema }, async ({ auth, query, req }) => {
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0 || body.includes(0)) throw notText();
      const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
      if (text.includes('\uFFFD')) throw notText();
      const effectiveDate =
        query.effectiveDate ?? effectiveDateFromName(query.fileName) ?? toVnDate(new Date());
      return importAdminUnits(db, text, {
        effectiveDate,
        onWritten: (tx, counts) =>
          recordAudit(tx, {
            actorId: auth.user.id,
            action: 'admin_units.import',
            entityType: 'admin_units',
            entityId: effectiveDate,
            after: { ...counts, fileName: query.fileName ?? null },
            ip: req.ip,
          }),
      });
    }),
  );
  router.get(
    '/admin-units/provinces',
    endpoint({ roles: ALL_ROLES }, async () => {
      const rows = await queryRows<{
        code: string;
        name: string;
        fullName: string;
        kind: string;
        effectiveDate: string;
        wardCount: number;
      }>(
        db,
        sql`select p.code, p.name, p.full_name as "fullName", p.kind, to_char(p.effective_date, 'YYYY-MM-DD') as "effectiveDate",
                   (select count(*)::int from admin_wards w where w.province_code = p.code) as "wardCount"
            from admin_provinces p order by p.code`,
      );
      return { items: rows };
    }),
  );
  router.get(
    '/admin-units/wards',
    endpoint({ roles: ALL_ROLES, query: WardsQuerySchema }, async ({ query }) => {
      const q = query.q ? foldVietnamese(query.q) : undefined;
      const rows = await queryRows<{
        code: string;
        provinceCode: string;
        name: string;
        fullName: string;
        kind: string;
      }>(
        db,
        sql`select code, province_code as "provinceCode", name, full_name as "fullName", kind from admin_wards
            where true ${query.provinceCode ? sql`and province_code = ${query.provinceCode}` : sql``}
              ${q ? sql`and vn_fold(name) like ${'%' + q + '%'}` : sql``}
            order by province_code, name limit ${query.limit}`,
      );
      return { items: rows };
    }),
  );
  return router;
}
