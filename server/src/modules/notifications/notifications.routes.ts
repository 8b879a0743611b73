import { Router } from 'express';
import { IdParamsSchema } from '@tannha/shared';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { listJobMessages } from './notifications.service';

/** GET /api/jobs/:id/messages — every SMS about a job and its delivery status (office staff of the job's unit). */
export function notificationsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/jobs/:id/messages',
    endpoint({ can: 'notifications.read', params: IdParamsSchema }, async ({ auth, params }) => ({
      items: await listJobMessages(db, auth, params.id),
    })),
  );
  return router;
}
