import { Router } from 'express';
import { CreatePlanSchema, IdParamsSchema, UpdatePlanSchema } from '@tannha/shared';
import { byId, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import type { JobHooks } from '../jobs/jobs.service';
import type { MatrixCache } from './distance/distance-matrix';
import * as plansService from './plans.service';

/** Route planning: propose a unit's day, edit the order, commit. */
export function plansRoutes({
  db,
  jobHooks,
  osrmUrl,
  matrixCache,
}: ModuleDeps & {
  jobHooks: JobHooks;
  osrmUrl?: string | undefined;
  matrixCache?: MatrixCache | undefined;
}): Router {
  const router = Router();

  router.post(
    '/units/:id/plans',
    endpoint(
      { can: 'plans.create', params: IdParamsSchema, body: CreatePlanSchema },
      async ({ auth, params, body, res }) => {
        // A caller who gives up (closed tab, timeout) stops the search.
        const abort = new AbortController();
        const onClose = () => {
          if (!res.writableFinished) abort.abort();
        };
        res.once('close', onClose);
        try {
          return withStatus(
            201,
            await plansService.createPlan(db, auth, params.id, body, {
              osrmUrl,
              matrixCache,
              signal: abort.signal,
            }),
          );
        } finally {
          res.off('close', onClose);
        }
      },
    ),
  );

  router.get(
    '/plans/:id',
    byId('plans.read', (auth, id) => plansService.getPlan(db, auth, id)),
  );

  router.patch(
    '/plans/:id',
    byId('plans.update', UpdatePlanSchema, (auth, id, body) =>
      plansService.updatePlanRoutes(db, auth, id, body),
    ),
  );

  router.post(
    '/plans/:id/commit',
    endpoint({ can: 'plans.commit', params: IdParamsSchema }, async ({ auth, params, req }) => {
      const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
      const r = await plansService.commitPlan(db, auth, params.id, {
        hooks: jobHooks,
        idempotencyKey,
      });
      return withStatus(200, r.plan, r.replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
    }),
  );

  return router;
}
