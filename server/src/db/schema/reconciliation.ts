import { bigint, date, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, tzNow, ref } from './columns';
import { payments } from './payments';
import { units } from './units';
import { users } from './users';

/**
 * Cash a courier hands in at the end of a shift. `expectedVnd` is what the ledger says the
 * courier collected in cash (and had not handed in yet) when the manager counted; the
 * counted amount and the difference, with its reason, stay on record. The payments swept
 * by a handover point back to it (`payments.cash_handover_id`).
 */
export const cashHandovers = pgTable(
  'cash_handovers',
  {
    id: idColumn(),
    unitId: ref('unit_id', () => units.id),
    courierId: ref('courier_id', () => users.id),
    /** Local date of the shift (Asia/Ho_Chi_Minh). */
    shiftDate: date('shift_date', { mode: 'string' }).notNull(),
    /** Cash by ledger: confirmed cash payments of the shift not yet handed in. */
    expectedVnd: bigint('expected_vnd', { mode: 'number' }).notNull(),
    /** What the manager counted. */
    countedVnd: bigint('counted_vnd', { mode: 'number' }).notNull(),
    /** counted − expected: negative is a shortfall. */
    differenceVnd: bigint('difference_vnd', { mode: 'number' }).notNull(),
    /** Required when the difference is not zero. */
    reason: text('reason'),
    paymentCount: bigint('payment_count', { mode: 'number' }).notNull(),
    countedBy: ref('counted_by', () => users.id),
    countedAt: tzNow('counted_at'),
  },
  (t) => [
    index('cash_handovers_unit_shift_idx').on(t.unitId, t.shiftDate),
    index('cash_handovers_courier_idx').on(t.courierId, t.shiftDate),
  ],
);

/**
 * Procedure fees (collected on an agency's behalf) handed over to that agency. Each fee
 * payment is handed over at most once (`fee_remittance_items.payment_id` is unique).
 */
export const feeRemittances = pgTable(
  'fee_remittances',
  {
    id: idColumn(),
    unitId: ref('unit_id', () => units.id),
    /** The receiving agency, as written in the procedure catalogue. */
    agency: text('agency').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** Number of the handover record (biên bản giao nhận) or bank transfer reference. */
    reference: text('reference'),
    notes: text('notes'),
    handedBy: ref('handed_by', () => users.id),
    handedAt: tzNow('handed_at'),
  },
  (t) => [index('fee_remittances_unit_idx').on(t.unitId, t.handedAt)],
);

export const feeRemittanceItems = pgTable(
  'fee_remittance_items',
  {
    remittanceId: ref('remittance_id', () => feeRemittances.id),
    paymentId: ref('payment_id', () => payments.id),
  },
  (t) => [
    uniqueIndex('fee_remittance_items_payment_uq').on(t.paymentId),
    index('fee_remittance_items_rem_idx').on(t.remittanceId),
  ],
);
