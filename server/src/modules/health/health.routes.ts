import { Router } from 'express';
import type { Database } from '../../db/client';

/** Liveness never touches the database; readiness does, with a short timeout. */
export function healthRoutes(database: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('database ping timed out')), 2000).unref(),
        ),
      ]);
      res.json({ status: 'ready', database: database.kind });
    } catch (err) {
      res.status(503).json({
        status: 'unavailable',
        error: { code: 'database_unreachable', message: (err as Error).message },
      });
    }
  });
  return router;
}
