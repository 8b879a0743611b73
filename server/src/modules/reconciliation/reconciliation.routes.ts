import { Router } from 'express';
import { z } from 'zod';
import {
  CreateCashHandoverSchema,
  CreateFeeRemittanceSchema,
  ShiftQuerySchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import {
  getAgencyFees,
  getHandovers,
  getRemittances,
  getShiftCash,
  recordCashHandover,
  recordFeeRemittance,
} from './reconciliation.service';

const MANAGERS = ['manager', 'admin'] as const;
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const RangeSchema = z.object({ from: DateString, to: DateString, unitId: z.uuid().optional() });
const UnitQuerySchema = z.object({ unitId: z.uuid().optional() });

/**
 * Cash reconciliation per courier per shift, and procedure fees handed over per agency:
 * GET /api/reconciliation/shifts?date, GET/POST /api/reconciliation/handovers,
 * GET /api/reconciliation/fees, GET/POST /api/reconciliation/fee-remittances.
 */
export function reconciliationRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/reconciliation/shifts',
    endpoint({ roles: MANAGERS, query: ShiftQuerySchema }, async ({ auth, query }) => ({
      items: await getShiftCash(db, auth, query),
    })),
  );
  router.get(
    '/reconciliation/handovers',
    endpoint({ roles: MANAGERS, query: RangeSchema }, async ({ auth, query }) => ({
      items: await getHandovers(db, auth, query),
    })),
  );
  router.post(
    '/reconciliation/handovers',
    endpoint({ roles: MANAGERS, body: CreateCashHandoverSchema }, async ({ auth, body, req }) =>
      withStatus(201, await recordCashHandover(db, auth, body, req.ip)),
    ),
  );
  router.get(
    '/reconciliation/fees',
    endpoint({ roles: MANAGERS, query: UnitQuerySchema }, async ({ auth, query }) => ({
      items: await getAgencyFees(db, auth, query),
    })),
  );
  router.get(
    '/reconciliation/fee-remittances',
    endpoint({ roles: MANAGERS, query: UnitQuerySchema }, async ({ auth, query }) => ({
      items: await getRemittances(db, auth, query),
    })),
  );
  router.post(
    '/reconciliation/fee-remittances',
    endpoint({ roles: MANAGERS, body: CreateFeeRemittanceSchema }, async ({ auth, body, req }) =>
      withStatus(201, await recordFeeRemittance(db, auth, body, req.ip)),
    ),
  );
  return router;
}
