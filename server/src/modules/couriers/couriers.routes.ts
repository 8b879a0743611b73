import { Router } from 'express';
import {
  CourierListQuerySchema,
  IdParamsSchema,
  PostPositionsSchema,
  ReassignDaySchema,
  SetDutySchema,
} from '@tannha/shared';
import { z } from 'zod';
import { validationFailed } from '../../lib/errors';
import { byId, byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import type { JobHooks } from '../jobs/jobs.service';
import * as couriers from './couriers.service';

/**
 * `/api/couriers`: the dispatcher's courier list, a courier's duty and positions, trails,
 * reassigning a sick courier's day; and `/api/jobs/:id/suggestions` (couriers for a job, ranked)
 * and `/api/jobs/:id/couriers` (every courier the job can be given to).
 */
export function couriersRoutes({
  db,
  jobHooks,
  positions,
}: ModuleDeps & { jobHooks: JobHooks; positions: couriers.PositionStore }): Router {
  const router = Router();
  const ctx: couriers.CouriersContext = { db, positions };

  router.get(
    '/couriers',
    byQuery('couriers.list', CourierListQuerySchema, async (auth, query) => ({
      items: await couriers.listCouriers(ctx, auth, query),
    })),
  );

  router.get(
    '/couriers/me',
    endpoint({ can: 'couriers.self' }, ({ auth }) => couriers.getOwnStatus(ctx, auth)),
  );

  router.post(
    '/couriers/me/duty',
    endpoint({ can: 'couriers.self', body: SetDutySchema }, ({ auth, body }) =>
      couriers.setDuty(ctx, auth, body),
    ),
  );

  router.post(
    '/couriers/me/positions',
    endpoint({ can: 'couriers.self', body: PostPositionsSchema }, ({ auth, body }) =>
      couriers.recordPositions(ctx, auth, 'positions' in body ? body.positions : [body]),
    ),
  );

  router.get(
    '/couriers/:id/trail',
    endpoint(
      {
        can: 'couriers.trail',
        params: IdParamsSchema,
        query: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
      },
      async ({ auth, params, query }) => {
        const to = query.to ? new Date(query.to) : new Date();
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 12 * 3600_000);
        if (from > to)
          throw validationFailed({
            from: {
              vi: 'Thời điểm bắt đầu phải trước thời điểm kết thúc',
              en: 'from must be before to',
            },
          });
        return { items: await couriers.getTrail(ctx, auth, params.id, from, to) };
      },
    ),
  );

  router.post(
    '/couriers/:id/reassign-day',
    byId('couriers.reassign_day', ReassignDaySchema, (auth, id, body) =>
      couriers.reassignDay({ ...ctx, jobHooks }, auth, id, body),
    ),
  );

  router.get(
    '/jobs/:id/suggestions',
    byId('jobs.suggest', async (auth, id) => ({
      items: await couriers.suggestCouriers(ctx, auth, id),
    })),
  );

  router.get(
    '/jobs/:id/couriers',
    byId('jobs.assign', (auth, id) => couriers.listCouriersForJob(ctx, auth, id)),
  );

  return router;
}
