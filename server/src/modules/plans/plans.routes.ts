import { Router } from 'express';
import { CreatePlanSchema, IdParamsSchema, UpdatePlanSchema } from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import * as plansService from './plans.service';

const PLANNERS = ['dispatcher', 'manager', 'admin'] as const;

/** Route planning: propose a unit's day, edit the order, commit. */
export function plansRoutes({
  db,
  osrmUrl,
}: ModuleDeps & { osrmUrl?: string | undefined }): Router {
  const router = Router();

  router.post(
    '/units/:id/plans',
    endpoint(
      { roles: PLANNERS, params: IdParamsSchema, body: CreatePlanSchema },
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
    endpoint({ roles: PLANNERS, params: IdParamsSchema }, ({ auth, params }) =>
      plansService.getPlan(db, auth, params.id),
    ),
  );

  router.patch(
    '/plans/:id',
    endpoint(
      { roles: PLANNERS, params: IdParamsSchema, body: UpdatePlanSchema },
      ({ auth, params, body }) => plansService.updatePlanRoutes(db, auth, params.id, body),
    ),
  );

  router.post(
    '/plans/:id/commit',
    endpoint({ roles: PLANNERS, params: IdParamsSchema }, async ({ auth, params, req }) => {
      const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
      const r = await plansService.commitPlan(db, auth, params.id, { idempotencyKey });
      return withStatus(200, r.plan, r.replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
    }),
  );

  return router;
}
