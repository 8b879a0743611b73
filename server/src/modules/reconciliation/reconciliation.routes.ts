import { Router } from 'express';
import { z } from 'zod';
import {
  CreateCashHandoverSchema,
  CreateFeeRemittanceSchema,
  isDateString,
  ShiftQuerySchema,
} from '@tannha/shared';
import { endpoint, withStatus, type AuthContext, type ModuleDeps } from '../../lib/http';
import type { Db } from '../../db/client';
import {
  getAgencyFees,
  getHandovers,
  getRemittances,
  getShiftCash,
  recordCashHandover,
  recordFeeRemittance,
} from './reconciliation.service';

const DateString = z.string().refine(isDateString, 'Expected a real date as YYYY-MM-DD');
const RangeSchema = z.object({ from: DateString, to: DateString, unitId: z.uuid().optional() });
const UnitQuerySchema = z.object({ unitId: z.uuid().optional() });

/** A read route answering `{ items }` from one service function. */
function listRoute<S extends z.ZodType>(
  db: Db,
  query: S,
  list: (db: Db, auth: AuthContext, q: z.infer<S>) => Promise<unknown[]>,
) {
  return endpoint({ can: 'reconciliation.read', query }, async ({ auth, query: q }) => ({
    items: await list(db, auth, q as z.infer<S>),
  }));
}

/** A write route answering 201 with what one service function recorded (the caller's address audited). */
function recordRoute<S extends z.ZodType>(
  db: Db,
  body: S,
  record: (db: Db, auth: AuthContext, input: z.infer<S>, ip?: string) => Promise<unknown>,
) {
  return endpoint({ can: 'reconciliation.write', body }, async ({ auth, body: input, req }) =>
    withStatus(201, await record(db, auth, input as z.infer<S>, req.ip)),
  );
}

/**
 * Cash reconciliation per courier per shift, and procedure fees handed over per agency:
 * GET /api/reconciliation/shifts?date, GET/POST /api/reconciliation/handovers,
 * GET /api/reconciliation/fees, GET/POST /api/reconciliation/fee-remittances.
 */
export function reconciliationRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get('/reconciliation/shifts', listRoute(db, ShiftQuerySchema, getShiftCash));
  router.get('/reconciliation/handovers', listRoute(db, RangeSchema, getHandovers));
  router.post(
    '/reconciliation/handovers',
    endpoint(
      { can: 'reconciliation.write', body: CreateCashHandoverSchema },
      async ({ auth, body, req }) =>
        withStatus(201, await recordCashHandover(db, auth, body, req.ip)),
    ),
  );
  router.get('/reconciliation/fees', listRoute(db, UnitQuerySchema, getAgencyFees));
  router.get('/reconciliation/fee-remittances', listRoute(db, UnitQuerySchema, getRemittances));
  router.post(
    '/reconciliation/fee-remittances',
    recordRoute(db, CreateFeeRemittanceSchema, recordFeeRemittance),
  );
  return router;
}
