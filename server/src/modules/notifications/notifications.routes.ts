import { Router } from 'express';
import { byId, type ModuleDeps } from '../../lib/http';
import { listJobMessages } from './notifications.service';

/** GET /api/jobs/:id/messages — every SMS about a job and its delivery status (office staff of the job's unit). */
export function notificationsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/jobs/:id/messages',
    byId('notifications.read', async (auth, id) => ({
      items: await listJobMessages(db, auth, id),
    })),
  );
  return router;
}
