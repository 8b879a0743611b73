import { toVnDate, type PaymentFlow } from '@tannha/shared';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/socket-server';
import { loadJobForAction, type JobRecord } from '../couriers/courier-actions';
import { getSetting } from '../settings/settings.service';
import {
  findCollection,
  findJobPayments,
  findReceiptJob,
  findShiftPayments,
  findUnitCode,
  nextCounter,
  type PaymentRow,
} from './payments.repository';
import { presentJobMoney, presentReceipt } from './payments.presenter';

type Sums = { confirmed: number; pending: number; reasoned: boolean };

/** Net confirmed and pending amounts per flow. */
export function sumByFlow(rows: readonly PaymentRow[]): Record<PaymentFlow, Sums> {
  const out: Record<PaymentFlow, Sums> = {
    procedure_fee: { confirmed: 0, pending: 0, reasoned: false },
    postal_charge: { confirmed: 0, pending: 0, reasoned: false },
  };
  for (const p of rows) {
    const s = out[p.flow as PaymentFlow];
    if (!s) continue;
    if (p.status === 'pending') s.pending += p.amountVnd;
    else {
      s.confirmed += p.amountVnd;
      if (p.reason && !p.reversesPaymentId && p.amountVnd > 0) s.reasoned = true;
    }
  }
  return out;
}

/** What is due per flow on a job. */
export function dueByFlow(job: JobRecord): Record<PaymentFlow, number> {
  return { procedure_fee: job.feeDueVnd, postal_charge: job.postalChargeVnd };
}

/** Still to collect per flow: due minus confirmed and pending (never negative). */
export function outstandingByFlow(
  job: JobRecord,
  rows: readonly PaymentRow[],
): Record<PaymentFlow, number> {
  const sums = sumByFlow(rows);
  const due = dueByFlow(job);
  const o = (f: PaymentFlow) =>
    sums[f].reasoned ? 0 : Math.max(0, due[f] - sums[f].confirmed - sums[f].pending);
  return { procedure_fee: o('procedure_fee'), postal_charge: o('postal_charge') };
}

/**
 * Whether the money of a job is settled: nothing outstanding and no transfer waiting for
 * confirmation ("Đã thu phí, lệ phí").
 */
export function moneySettled(job: JobRecord, rows: readonly PaymentRow[]): boolean {
  const sums = sumByFlow(rows);
  const o = outstandingByFlow(job, rows);
  return (
    o.procedure_fee === 0 &&
    o.postal_charge === 0 &&
    sums.procedure_fee.pending === 0 &&
    sums.postal_charge.pending === 0
  );
}

/** The post office's bank account for transfers (setting `payment_bank`), or null. */
export function findBankAccount(db: DbOrTx) {
  return getSetting(db, 'payment_bank');
}

/** `GET /api/jobs/:id/payments`: what is due, what was taken, the bank account for transfers. */
export async function getJobMoney(db: Db, auth: AuthContext, jobId: string) {
  const job = await loadJobForAction(db, auth, 'payments.read', jobId);
  const rows = await findJobPayments(db, jobId);
  const bank = await findBankAccount(db);
  return presentJobMoney(
    job,
    rows,
    sumByFlow(rows),
    outstandingByFlow(job, rows),
    moneySettled(job, rows),
    bank,
  );
}

/** Tells the job's unit and courier that its money changed. */
export function notifyPayments(job: { id: string; unitId: string; courierId: string | null }) {
  publish({
    rooms: [rooms.unit(job.unitId), ...(job.courierId ? [rooms.user(job.courierId)] : [])],
    event: 'payments.updated',
    payload: { jobId: job.id },
    scope: { ability: 'payments.read', record: { unitId: job.unitId, courierId: job.courierId } },
  });
}

/** A series of legal papers numbered gapless per unit and year. */
export type PaperSeries = {
  /** The counter's key before the year, e.g. `receipt:<unitId>:procedure_fee`, `slip:<unitId>`. */
  counter: string;
  /** What the number shows after the year: `LP`, `CB` (receipts), `PG` (slips), `BBGN` (records). */
  prefix: string;
  /** How many digits the sequence is padded to. */
  digits: number;
};

/**
 * The next number of a series of legal papers — receipts here, dossier slips and handover
 * records in handovers — issued in the caller's transaction (a rollback gives it back):
 * `<unit code>/<year>/<prefix>-<sequence>`, the year being the local year of `at`.
 */
export async function nextPaperNumber(tx: Tx, unitId: string, series: PaperSeries, at: Date) {
  const unit = await findUnitCode(tx, unitId);
  const year = Number(toVnDate(at).slice(0, 4));
  const seq = await nextCounter(tx, `${series.counter}:${year}`);
  const number = `${unit.code}/${year}/${series.prefix}-${String(seq).padStart(series.digits, '0')}`;
  return { year, seq, number };
}

const RECEIPT_PREFIX: Record<PaymentFlow, string> = { procedure_fee: 'LP', postal_charge: 'CB' };

/** The receipt series of one unit and flow. */
export function receiptSeries(unitId: string, flow: PaymentFlow): PaperSeries {
  return { counter: `receipt:${unitId}:${flow}`, prefix: RECEIPT_PREFIX[flow], digits: 6 };
}

/**
 * `GET /api/couriers/me/cash`: confirmed cash of the courier's shift (net of reversals),
 * what the office already counted in, and transfers still pending.
 */
export async function getCashTotal(db: Db, auth: AuthContext, date: string | undefined) {
  const shiftDate = date ?? toVnDate(new Date());
  const rows = await findShiftPayments(db, auth.user.id, shiftDate);
  let toHandIn = 0;
  let handedIn = 0;
  let pending = 0;
  const byFlow = { procedureFee: 0, postalCharge: 0 };
  for (const r of rows) {
    if (r.method === 'transfer') {
      if (r.status === 'pending') pending += r.amountVnd;
      continue;
    }
    if (r.cashHandoverId) {
      handedIn += r.amountVnd;
      continue;
    }
    toHandIn += r.amountVnd;
    if (r.flow === 'procedure_fee') byFlow.procedureFee += r.amountVnd;
    else byFlow.postalCharge += r.amountVnd;
  }
  return {
    date: shiftDate,
    cashToHandInVnd: toHandIn,
    byFlow,
    handedInVnd: handedIn,
    pendingTransfersVnd: pending,
    receiptCount: rows.filter((r) => r.amountVnd > 0).length,
  };
}

/** The public e-receipt of one collection (no login: the id is unguessable, nothing personal is shown in full). */
export async function getReceipt(db: Db, collectionId: string, publicBaseUrl: string) {
  const lines = await findCollection(db, collectionId);
  if (lines.length === 0) throw notFound({ vi: 'Biên lai', en: 'Receipt' });
  const job = await findReceiptJob(db, lines[0]!.jobId);
  if (!job) throw notFound({ vi: 'Biên lai', en: 'Receipt' });
  return presentReceipt(collectionId, lines, job, publicBaseUrl);
}
