import { Router } from 'express';
import { ReportRangeQuerySchema } from '@tannha/shared';
import { byQuery, type ModuleDeps } from '../../lib/http';
import { getReportSummary } from './reports.service';

/** GET /api/reports/summary?from&to&unitId — the manager dashboard's figures. */
export function reportsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/reports/summary',
    byQuery('reports.read', ReportRangeQuerySchema, (auth, query) =>
      getReportSummary(db, auth, query),
    ),
  );
  return router;
}
