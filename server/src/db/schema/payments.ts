import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref } from './columns';
import { jobs } from './jobs';
import { units } from './units';
import { users } from './users';

/**
 * The money ledger: one immutable row per collection; a correction is a new row with a
 * negative amount that names the row it reverses. Procedure fees (collected for the
 * agency) and postal charges (the post office's revenue) are separate flows with
 * separate receipt series, gapless per unit, flow and year.
 */
export const payments = pgTable(
  'payments',
  {
    id: idColumn(),
    jobId: ref('job_id', () => jobs.id),
    unitId: ref('unit_id', () => units.id),
    /** The courier (or office user) who took the money. */
    collectedBy: ref('collected_by', () => users.id),
    /** procedure_fee | postal_charge */
    flow: text('flow').notNull(),
    /** cash | transfer */
    method: text('method').notNull(),
    /** Whole VND; negative for a reversal. */
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** confirmed | pending (a transfer not yet confirmed: a QR shown is not a payment) */
    status: text('status').notNull().default('confirmed'),
    receiptYear: integer('receipt_year').notNull(),
    receiptSeq: integer('receipt_seq').notNull(),
    /** Printed receipt number, e.g. DNI-BH-TB/2026/LP-000123 */
    receiptNo: text('receipt_no').notNull(),
    /** Why the amount differs from what was due, or why it is reversed. */
    reason: text('reason'),
    reversesPaymentId: uuid('reverses_payment_id').references((): AnyPgColumn => payments.id),
    idempotencyKey: text('idempotency_key'),
    /** Lines taken together in one collection share it (one receipt page shows them all). */
    collectionId: uuid('collection_id'),
    /** When it happened on the doorstep (may be earlier than recordedAt when offline). */
    occurredAt: tzNow('occurred_at'),
    recordedAt: tzNow('recorded_at'),
    confirmedAt: tz('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** Local date of the courier's shift, for cash reconciliation. */
    shiftDate: date('shift_date', { mode: 'string' }).notNull(),
    /** Set when the cash is handed in and counted (reconciliation). */
    cashHandoverId: uuid('cash_handover_id'),
  },
  (t) => [
    uniqueIndex('payments_receipt_uq').on(t.unitId, t.flow, t.receiptYear, t.receiptSeq),
    uniqueIndex('payments_idem_uq').on(t.collectedBy, t.idempotencyKey),
    index('payments_job_idx').on(t.jobId),
    index('payments_collection_idx').on(t.collectionId),
    index('payments_shift_idx').on(t.collectedBy, t.shiftDate),
    index('payments_occurred_idx').on(t.unitId, t.occurredAt),
  ],
);
