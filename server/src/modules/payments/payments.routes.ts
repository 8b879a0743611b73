import { Router } from 'express';
import {
  CashQuerySchema,
  CollectPaymentSchema,
  IdParamsSchema,
  ReversePaymentSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import {
  collectPayment,
  confirmPayment,
  getCashTotal,
  getJobMoney,
  getReceipt,
  reversePayment,
} from './payments.service';

const COLLECTORS = ['courier', 'dispatcher', 'manager', 'admin'] as const;
const OFFICE_AND_COURIER = ['courier', 'operator', 'dispatcher', 'manager', 'admin'] as const;

/**
 * Money at the door: `GET/POST /api/jobs/:id/payments`, `POST /api/payments/:id/confirm`,
 * `POST /api/payments/:id/reverse`, `GET /api/couriers/me/cash`, and the public e-receipt
 * `GET /api/receipts/:id`.
 */
export function paymentsRoutes(deps: ModuleDeps & { publicBaseUrl: string }): Router {
  const { db } = deps;
  const r = Router();

  r.get(
    '/jobs/:id/payments',
    endpoint({ roles: OFFICE_AND_COURIER, params: IdParamsSchema }, ({ auth, params }) =>
      getJobMoney(db, auth, params.id),
    ),
  );

  r.post(
    '/jobs/:id/payments',
    endpoint(
      { roles: COLLECTORS, params: IdParamsSchema, body: CollectPaymentSchema },
      async ({ auth, params, body, req }) => {
        const res = await collectPayment(db, auth, params.id, body, {
          idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
        });
        return withStatus(res.status, res.body);
      },
    ),
  );

  r.post(
    '/payments/:id/confirm',
    endpoint({ roles: COLLECTORS, params: IdParamsSchema }, ({ auth, params, req }) =>
      confirmPayment(db, auth, params.id, {
        idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
      }),
    ),
  );

  r.post(
    '/payments/:id/reverse',
    endpoint(
      { roles: COLLECTORS, params: IdParamsSchema, body: ReversePaymentSchema },
      async ({ auth, params, body, req }) => {
        const res = await reversePayment(db, auth, params.id, body, {
          idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
        });
        return withStatus(res.status, res.body);
      },
    ),
  );

  r.get(
    '/couriers/me/cash',
    endpoint({ roles: ['courier'], query: CashQuerySchema }, ({ auth, query }) =>
      getCashTotal(db, auth, query.date),
    ),
  );

  r.get(
    '/receipts/:id',
    endpoint({ roles: 'public', params: IdParamsSchema }, ({ params }) =>
      getReceipt(db, params.id, deps.publicBaseUrl),
    ),
  );
  return r;
}
