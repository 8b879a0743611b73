import { Router } from 'express';
import { z } from 'zod';
import {
  AdminProcedureListQuerySchema,
  AdminProcedureSchema,
  AdminProcedureUpdateSchema,
  ProcedureSearchQuerySchema,
} from '@tannha/shared';
import { adminRoutes } from '../../lib/admin-routes';
import { byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import { rawUpload } from '../../lib/import/text-upload';
import { importProcedures } from './procedures.import';
import {
  createProcedure,
  listAdminProcedures,
  searchCatalogue,
  updateProcedure,
} from './procedures.service';

const ImportQuery = z.object({ fileName: z.string().max(200).optional() });
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * GET /api/procedures?q= — the catalogue, diacritic-insensitive; /api/admin/procedures —
 * the admin's catalogue screen (list, create, change, import a CSV/JSON/XLSX file).
 */
export function proceduresRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/procedures',
    byQuery('procedures.search', ProcedureSearchQuerySchema, (_auth, query) =>
      searchCatalogue(db, query),
    ),
  );
  router.get(
    '/admin/procedures',
    byQuery('procedures.admin_list', AdminProcedureListQuerySchema, (_auth, query) =>
      listAdminProcedures(db, query),
    ),
  );
  adminRoutes(router, db, '/admin/procedures', {
    create: { can: 'procedures.create', body: AdminProcedureSchema, run: createProcedure },
    update: { can: 'procedures.update', body: AdminProcedureUpdateSchema, run: updateProcedure },
  });
  router.post(
    '/admin/procedures/import',
    rawUpload(IMPORT_MAX_BYTES),
    endpoint(
      { can: 'procedures.import', query: ImportQuery },
      async ({ auth, query, req, locale }) =>
        importProcedures(db, auth, req.body, locale, {
          fileName: query.fileName,
          ip: req.ip,
        }),
    ),
  );
  return router;
}
