import { Router } from 'express';
import { foldVietnamese, ProcedureSearchQuerySchema } from '@tannha/shared';
import { ALL_ROLES, endpoint, type ModuleDeps } from '../../lib/http';
import { presentProcedure } from './procedures.presenter';
import { searchProcedures } from './procedures.repository';

/** GET /api/procedures?q= — the catalogue, diacritic-insensitive. */
export function proceduresRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/procedures',
    endpoint({ roles: ALL_ROLES, query: ProcedureSearchQuerySchema }, async ({ query }) => {
      const rows = await searchProcedures(db, foldVietnamese(query.q ?? ''), query.limit);
      return { items: rows.map(presentProcedure) };
    }),
  );
  return router;
}
