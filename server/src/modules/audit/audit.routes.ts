import { Router } from 'express';
import { AdminAuditQuerySchema } from '@tannha/shared';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { listAudit } from './audit.service';

/** GET /api/admin/audit — the audit trail. */
export function auditRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/admin/audit',
    endpoint({ can: 'audit.list', query: AdminAuditQuerySchema }, async ({ auth, query }) =>
      listAudit(db, auth, query),
    ),
  );
  return router;
}
