import { z } from 'zod';
import { VndAmountSchema } from '../money';
import { CourierRefShape, DateString } from './fields';

/** `?date&unitId`: the couriers of a unit (and sub-units) for one shift date. */
export const ShiftQuerySchema = z.object({ date: DateString, unitId: z.uuid().optional() });
export type ShiftQuery = z.infer<typeof ShiftQuerySchema>;

/** One courier's cash for a shift as the ledger has it. */
/** Money collected and not handed on yet (reversals included): the sum and how many payments. */
const OutstandingShape = {
  outstandingVnd: z.number().int(),
  outstandingCount: z.number().int(),
};

export const CourierShiftCashSchema = z.object({
  ...CourierRefShape,
  /** Cash collected in the shift and not handed in yet. */
  ...OutstandingShape,
  byFlow: z.object({ procedureFeeVnd: z.number().int(), postalChargeVnd: z.number().int() }),
  /** Already counted this shift. */
  handedInVnd: z.number().int(),
});
export type CourierShiftCash = z.infer<typeof CourierShiftCashSchema>;

export const CreateCashHandoverSchema = z.object({
  courierId: z.uuid(),
  shiftDate: DateString,
  /** What the manager counted, whole VND. */
  countedVnd: VndAmountSchema,
  /** Required when the count differs from the ledger. */
  reason: z.string().trim().max(500).optional(),
});
export type CreateCashHandoverInput = z.infer<typeof CreateCashHandoverSchema>;

/** A cash count: what the ledger expected, what was counted, and counted minus expected. */
export const CashCountShape = {
  expectedVnd: z.number().int(),
  countedVnd: z.number().int(),
  differenceVnd: z.number().int(),
};

export const CashHandoverSchema = z.object({
  id: z.uuid(),
  ...CourierRefShape,
  shiftDate: z.string(),
  ...CashCountShape,
  reason: z.string().nullable(),
  paymentCount: z.number().int(),
  countedByName: z.string(),
  countedAt: z.string(),
});
export type CashHandover = z.infer<typeof CashHandoverSchema>;

/** Procedure fees collected for one agency and not handed over to it yet. */
export const AgencyFeesSchema = z.object({
  agency: z.string(),
  ...OutstandingShape,
  remittedVnd: z.number().int(),
});
export type AgencyFees = z.infer<typeof AgencyFeesSchema>;

export const CreateFeeRemittanceSchema = z.object({
  unitId: z.uuid(),
  agency: z.string().trim().min(1).max(300),
  /** Number of the handover record or the transfer reference. */
  reference: z.string().trim().max(100).optional(),
  notes: z.string().trim().max(500).optional(),
});
export type CreateFeeRemittanceInput = z.infer<typeof CreateFeeRemittanceSchema>;

export const FeeRemittanceSchema = z.object({
  id: z.uuid(),
  unitName: z.string(),
  agency: z.string(),
  amountVnd: z.number().int(),
  paymentCount: z.number().int(),
  reference: z.string().nullable(),
  notes: z.string().nullable(),
  handedByName: z.string(),
  handedAt: z.string(),
});
export type FeeRemittance = z.infer<typeof FeeRemittanceSchema>;
