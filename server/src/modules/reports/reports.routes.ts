import { Router } from 'express';
import { ReportRangeQuerySchema } from '@tannha/shared';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { registerReportHooks } from './job-milestones';
import { getReportSummary } from './reports.service';

/** GET /api/reports/summary?from&to&unitId — the manager dashboard's figures. */
export function reportsRoutes({ db }: ModuleDeps): Router {
  registerReportHooks();
  const router = Router();
  router.get(
    '/reports/summary',
    endpoint({ can: 'reports.read', query: ReportRangeQuerySchema }, async ({ auth, query }) =>
      getReportSummary(db, auth, query),
    ),
  );
  return router;
}
