import { Router, type Request } from 'express';
import {
  CashQuerySchema,
  CollectPaymentSchema,
  IdParamsSchema,
  ReversePaymentSchema,
} from '@tannha/shared';
import { byId, byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import { collectPayment } from './collect-payment';
import { confirmPayment, reversePayment } from './correct-payment';
import { getCashTotal, getJobMoney, getReceipt } from './payments.service';

const keyOf = (req: Request) => ({
  idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
});

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
    byId('payments.read', (auth, id) => getJobMoney(db, auth, id)),
  );
  r.post(
    '/jobs/:id/payments',
    endpoint(
      { can: 'payments.collect', params: IdParamsSchema, body: CollectPaymentSchema },
      async ({ auth, params, body, req }) =>
        withStatus(201, await collectPayment(db, auth, params.id, body, keyOf(req))),
    ),
  );
  r.post(
    '/payments/:id/confirm',
    endpoint({ can: 'payments.confirm', params: IdParamsSchema }, ({ auth, params, req }) =>
      confirmPayment(db, auth, params.id, keyOf(req)),
    ),
  );
  r.post(
    '/payments/:id/reverse',
    endpoint(
      { can: 'payments.reverse', params: IdParamsSchema, body: ReversePaymentSchema },
      async ({ auth, params, body, req }) => {
        const res = await reversePayment(db, auth, params.id, body, keyOf(req));
        return withStatus(res.status, res.body);
      },
    ),
  );
  r.get(
    '/couriers/me/cash',
    byQuery('payments.shift_cash', CashQuerySchema, (auth, query) =>
      getCashTotal(db, auth, query.date),
    ),
  );
  r.get(
    '/receipts/:id',
    endpoint({ can: 'public', params: IdParamsSchema }, ({ params }) =>
      getReceipt(db, params.id, deps.publicBaseUrl),
    ),
  );
  return r;
}
