import { Router } from 'express';
import type { Database } from '../../db/client';
import { endpoint, withStatus } from '../../lib/http';

/** Liveness never touches the database; readiness does, with a short timeout. */
export function healthRoutes(database: Database): Router {
  const router = Router();
  router.get(
    '/healthz',
    endpoint({ can: 'public' }, () => ({ status: 'ok' })),
  );
  router.get(
    '/readyz',
    endpoint({ can: 'public' }, async () => {
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database ping timed out')), 2000).unref(),
          ),
        ]);
        return { status: 'ready', database: database.kind };
      } catch (err) {
        return withStatus(503, {
          status: 'unavailable',
          error: { code: 'database_unreachable', message: (err as Error).message },
        });
      }
    }),
  );
  return router;
}
