import { Router } from 'express';
import { AdminAuditQuerySchema } from '@tannha/shared';
import { byQuery, type ModuleDeps } from '../../lib/http';
import { listAudit } from './audit.service';

/** GET /api/admin/audit — the audit trail. */
export function auditRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/admin/audit',
    byQuery('audit.list', AdminAuditQuerySchema, (auth, query) => listAudit(db, auth, query)),
  );
  return router;
}
