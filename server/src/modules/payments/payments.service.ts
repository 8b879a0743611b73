import { randomUUID } from 'node:crypto';
import {
  buildVietQr,
  toVnDate,
  type CollectPaymentInput,
  type PaymentFlow,
  type ReversePaymentInput,
} from '@tannha/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs } from '../../db/schema';
import { AppError, forbidden, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotency } from '../../lib/idempotency';
import { afterCommit } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/socket-server';
import {
  assertJobStatus,
  loadJobForAction,
  occurredAtFrom,
  type JobRecord,
} from '../courier/job-access';
import { assertUnitInScope } from '../units/units.service';
import {
  findBankSetting,
  findCollection,
  findJobPayments,
  findPaymentById,
  findReceiptJob,
  findShiftPayments,
  findUnitCode,
  insertPayments,
  markConfirmed,
  nextCounter,
  type PaymentRow,
} from './payments.repository';
import { presentJobMoney, presentPayment, presentReceipt } from './payments.presenter';

/** Statuses in which money may be taken: from acceptance to the paperwork's end. */
const COLLECTABLE = [
  'accepted',
  'picked_up',
  'en_route',
  'on_site',
  'collected',
  'delivered',
  'submitted',
];
const RECEIPT_PREFIX: Record<PaymentFlow, string> = { procedure_fee: 'LP', postal_charge: 'CB' };

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

/** `GET /api/jobs/:id/payments`: what is due, what was taken, the bank account for transfers. */
export async function getJobMoney(db: Db, auth: AuthContext, jobId: string) {
  const job = await loadJobForAction(db, auth, jobId);
  const rows = await findJobPayments(db, jobId);
  const bank = await findBankSetting(db);
  return presentJobMoney(
    job,
    rows,
    sumByFlow(rows),
    outstandingByFlow(job, rows),
    moneySettled(job, rows),
    bank,
  );
}

export type WriteOptions = {
  /** The client's `Idempotency-Key`: a retry with the same key replays the first answer. */
  idempotencyKey?: string | undefined;
};

/**
 * Records one collection at the door: one ledger line per flow, each with the next receipt
 * number of its unit, flow and year, issued in the same transaction. Amounts must equal what
 * is outstanding unless a reason is given. A transfer is `pending` until confirmed and comes
 * back with its VietQR payload.
 */
export async function collectPayment(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: CollectPaymentInput,
  opts: WriteOptions = {},
) {
  const now = new Date();
  const occurredAt = occurredAtFrom(input.occurredAt, now);
  const result = await withIdempotency(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `payments:collect:${jobId}`,
      request: input,
    },
    async (tx) => {
      const job = await loadJobForAction(tx, auth, jobId, { forUpdate: true });
      assertJobStatus(job, COLLECTABLE, { vi: 'thu tiền', en: 'collect money' });
      const existing = await findJobPayments(tx, jobId);
      const outstanding = outstandingByFlow(job, existing);
      if (outstanding.procedure_fee + outstanding.postal_charge === 0) {
        throw new AppError(409, 'nothing_due', {
          vi: 'Việc này không còn khoản nào phải thu (đã thu đủ hoặc không có phí).',
          en: 'Nothing is left to collect on this job (already paid, or no fee is due).',
        });
      }
      const lines = input.lines.filter((l) => l.amountVnd > 0 || outstanding[l.flow] > 0);
      const mismatched: Record<string, { vi: string; en: string }> = {};
      input.lines.forEach((l, i) => {
        if (l.amountVnd !== outstanding[l.flow]) {
          mismatched[`lines.${i}.amountVnd`] = {
            vi: `Số tiền phải thu là ${outstanding[l.flow].toLocaleString('vi-VN')} ₫`,
            en: `The amount due is ${outstanding[l.flow]} VND`,
          };
        }
      });
      const reason = input.reason?.trim() || null;
      if (Object.keys(mismatched).length > 0 && !reason) {
        throw unprocessable(
          'amount_differs_from_due',
          {
            vi: 'Số tiền khác với số phải thu. Sửa lại số tiền, hoặc ghi lý do nếu thu khác.',
            en: 'The amount differs from what is due. Correct it, or give a reason for collecting a different amount.',
          },
          mismatched,
        );
      }
      if (lines.every((l) => l.amountVnd === 0)) {
        throw unprocessable('amount_zero', {
          vi: 'Tổng số tiền thu bằng 0.',
          en: 'The total collected is zero.',
        });
      }
      if (input.method === 'transfer' && !(await findBankSetting(tx))) {
        throw unprocessable('bank_account_not_set', {
          vi: 'Chưa cài đặt tài khoản ngân hàng nhận chuyển khoản. Hãy thu tiền mặt hoặc báo quản trị viên.',
          en: 'No bank account for transfers is set. Collect cash, or ask the administrator to set the account.',
        });
      }
      const unit = await findUnitCode(tx, job.unitId);
      const year = Number(toVnDate(now).slice(0, 4));
      const collectionId = randomUUID();
      const values = [];
      for (const l of lines.filter((x) => x.amountVnd > 0)) {
        const seq = await nextCounter(tx, `receipt:${job.unitId}:${l.flow}:${year}`);
        values.push({
          jobId,
          unitId: job.unitId,
          collectedBy: auth.user.id,
          flow: l.flow,
          method: input.method,
          amountVnd: l.amountVnd,
          status: input.method === 'transfer' ? 'pending' : 'confirmed',
          receiptYear: year,
          receiptSeq: seq,
          receiptNo: `${unit.code}/${year}/${RECEIPT_PREFIX[l.flow]}-${String(seq).padStart(6, '0')}`,
          reason,
          idempotencyKey: opts.idempotencyKey ? `${opts.idempotencyKey}:${l.flow}` : null,
          collectionId,
          occurredAt,
          recordedAt: now,
          confirmedAt: input.method === 'cash' ? occurredAt : null,
          confirmedBy: input.method === 'cash' ? auth.user.id : null,
          shiftDate: toVnDate(occurredAt),
        });
      }
      const rows = await insertPayments(tx, values);
      const total = rows.reduce((s, r) => s + r.amountVnd, 0);
      const bank = input.method === 'transfer' ? await findBankSetting(tx) : null;
      const vietQr = bank
        ? buildVietQr({
            bankBin: bank.bankBin,
            accountNumber: bank.accountNumber,
            amount: total,
            purpose: `${job.code} thu phi`,
          })
        : null;
      afterCommit(tx, () => notify(job));
      return {
        status: 201,
        body: {
          collectionId,
          payments: rows.map((r) => presentPayment(r, auth.user.fullName)),
          vietQr,
        },
      };
    },
  );
  return { status: result.status, body: { ...(result.body as object), replayed: result.replayed } };
}

function notify(job: JobRecord): void {
  publish({
    rooms: [rooms.unit(job.unitId), ...(job.courierId ? [rooms.user(job.courierId)] : [])],
    event: 'payments.updated',
    payload: { jobId: job.id },
  });
}

/**
 * Confirms a pending transfer once it is seen on the account: by the courier who took it or
 * by the office of the job's unit. Confirming twice is harmless.
 */
export async function confirmPayment(
  db: Db,
  auth: AuthContext,
  paymentId: string,
  opts: WriteOptions = {},
) {
  const result = await withIdempotency(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `payments:confirm:${paymentId}`,
      request: {},
    },
    async (tx) => {
      const p = await findPaymentById(tx, paymentId, { forUpdate: true });
      if (!p) throw notFound({ vi: 'Khoản thu', en: 'Payment' });
      if (auth.user.role === 'courier') {
        if (p.collectedBy !== auth.user.id) {
          throw forbidden({
            vi: 'Bạn chỉ xác nhận được khoản do mình thu.',
            en: 'You can only confirm payments you collected.',
          });
        }
      } else assertUnitInScope(auth, p.unitId);
      const [job] = await tx.select().from(jobs).where(eq(jobs.id, p.jobId)).limit(1);
      const row =
        p.status === 'confirmed' ? p : await markConfirmed(tx, p.id, auth.user.id, new Date());
      if (job) afterCommit(tx, () => notify(job));
      return { status: 200, body: presentPayment(row, auth.user.fullName) };
    },
  );
  return result.body;
}

/**
 * Corrects a ledger line with a new, reversing line (negative amount, its own receipt
 * number, the reason on record); the original row is never changed.
 */
export async function reversePayment(
  db: Db,
  auth: AuthContext,
  paymentId: string,
  input: ReversePaymentInput,
  opts: WriteOptions = {},
) {
  const now = new Date();
  const result = await withIdempotency(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `payments:reverse:${paymentId}`,
      request: input,
    },
    async (tx) => {
      const p = await findPaymentById(tx, paymentId, { forUpdate: true });
      if (!p) throw notFound({ vi: 'Khoản thu', en: 'Payment' });
      if (auth.user.role === 'courier') {
        if (p.collectedBy !== auth.user.id)
          throw forbidden({
            vi: 'Bạn chỉ điều chỉnh được khoản do mình thu.',
            en: 'You can only correct payments you collected.',
          });
      } else assertUnitInScope(auth, p.unitId);
      if (p.reversesPaymentId || p.amountVnd <= 0) {
        throw unprocessable('payment_not_reversible', {
          vi: 'Dòng này là một dòng điều chỉnh, không điều chỉnh tiếp được.',
          en: 'This line is itself a correction and cannot be reversed.',
        });
      }
      const all = await findJobPayments(tx, p.jobId);
      if (all.some((x) => x.reversesPaymentId === p.id)) {
        throw new AppError(409, 'payment_already_reversed', {
          vi: 'Khoản thu này đã được điều chỉnh.',
          en: 'This payment was already reversed.',
        });
      }
      const unit = await findUnitCode(tx, p.unitId);
      const year = Number(toVnDate(now).slice(0, 4));
      const seq = await nextCounter(tx, `receipt:${p.unitId}:${p.flow}:${year}`);
      const [row] = await insertPayments(tx, [
        {
          jobId: p.jobId,
          unitId: p.unitId,
          collectedBy: p.collectedBy,
          flow: p.flow,
          method: p.method,
          amountVnd: -p.amountVnd,
          status: p.status,
          receiptYear: year,
          receiptSeq: seq,
          receiptNo: `${unit.code}/${year}/${RECEIPT_PREFIX[p.flow as PaymentFlow]}-${String(seq).padStart(6, '0')}`,
          reason: input.reason,
          reversesPaymentId: p.id,
          collectionId: p.collectionId,
          occurredAt: now,
          recordedAt: now,
          confirmedAt: p.status === 'confirmed' ? now : null,
          confirmedBy: p.status === 'confirmed' ? auth.user.id : null,
          shiftDate: p.shiftDate,
        },
      ]);
      return { status: 201, body: presentPayment(row!, auth.user.fullName) };
    },
  );
  return result;
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
