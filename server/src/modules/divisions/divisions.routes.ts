import { Router } from 'express';
import { z } from 'zod';
import { isDateString } from '@tannha/shared';
import { AppError } from '../../lib/errors';
import { byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import { rawUpload, uploadedText } from '../../lib/import/text-upload';
import {
  ADMIN_UNITS_MAX_BYTES,
  importDivisionsUpload,
  listProvinces,
  listWards,
} from './divisions.service';

const ImportQuerySchema = z.object({
  effectiveDate: z.string().refine(isDateString, 'Expected a real date as YYYY-MM-DD').optional(),
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
 * Provinces and wards (administrative divisions): the import (admin, the file as the raw
 * request body, up to 20 MB) and the look-ups address pickers use.
 */
export function divisionsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.post(
    '/admin/admin-units/import',
    rawUpload(ADMIN_UNITS_MAX_BYTES),
    endpoint({ can: 'divisions.import', query: ImportQuerySchema }, async ({ auth, query, req }) =>
      importDivisionsUpload(db, auth, uploadedText(req.body, notText), { ...query, ip: req.ip }),
    ),
  );
  router.get(
    '/admin-units/provinces',
    endpoint({ can: 'divisions.list' }, async () => listProvinces(db)),
  );
  router.get(
    '/admin-units/wards',
    byQuery('divisions.list', WardsQuerySchema, (_auth, query) => listWards(db, query)),
  );
  return router;
}
