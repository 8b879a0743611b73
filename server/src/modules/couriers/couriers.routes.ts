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
import { endpoint, type ModuleDeps } from '../../lib/http';
import * as couriers from './couriers.service';

const WATCHERS = ['dispatcher', 'manager', 'admin', 'operator'] as const;

/** `/api/couriers`: the dispatcher's courier list, a courier's duty and positions, reassigning a sick courier's day. */
export function couriersRoutes({ db }: ModuleDeps): Router {
  const router = Router();

  router.get(
    '/couriers',
    endpoint({ roles: WATCHERS, query: CourierListQuerySchema }, async ({ auth, query }) => ({
      items: await couriers.listCouriers(db, auth, query),
    })),
  );

  router.get(
    '/couriers/me',
    endpoint({ roles: ['courier'] }, ({ auth }) => couriers.getOwnStatus(db, auth)),
  );

  router.post(
    '/couriers/me/duty',
    endpoint({ roles: ['courier'], body: SetDutySchema }, ({ auth, body }) =>
      couriers.setDuty(db, auth, body),
    ),
  );

  router.post(
    '/couriers/me/positions',
    endpoint({ roles: ['courier'], body: PostPositionsSchema }, ({ auth, body }) =>
      couriers.recordPositions(db, auth, 'positions' in body ? body.positions : [body]),
    ),
  );

  router.get(
    '/couriers/:id/trail',
    endpoint(
      {
        roles: ['dispatcher', 'manager', 'admin'],
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
        return { items: await couriers.getTrail(db, auth, params.id, from, to) };
      },
    ),
  );

  router.post(
    '/couriers/:id/reassign-day',
    endpoint(
      {
        roles: ['dispatcher', 'manager', 'admin'],
        params: IdParamsSchema,
        body: ReassignDaySchema,
      },
      ({ auth, params, body }) => couriers.reassignDay(db, auth, params.id, body),
    ),
  );

  return router;
}
