import { randomUUID } from 'node:crypto';
import {
  buildVietQr,
  formatVnd,
  toVnDate,
  type CollectPaymentInput,
  type PaymentFlow,
} from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { AppError, unprocessable, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { afterCommit } from '../../lib/unit-of-work';
import {
  runCourierAction,
  type ActionClock,
  type ActionOptions,
  type JobRecord,
} from '../couriers/courier-actions';
import { assertShiftOpen } from '../reconciliation/reconciliation.service';
import { findJobPayments, insertPayments } from './payments.repository';
import { presentPayment } from './payments.presenter';
import {
  findBankAccount,
  nextPaperNumber,
  notifyPayments,
  outstandingByFlow,
  receiptSeries,
} from './payments.service';

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

/**
 * The lines to record, after checking them against what is outstanding: each amount must be
 * what is due unless a reason is given, the total must not be zero, a transfer needs the
 * bank account to be set.
 */
async function checkCollection(
  tx: Tx,
  input: CollectPaymentInput,
  outstanding: Record<PaymentFlow, number>,
) {
  if (outstanding.procedure_fee + outstanding.postal_charge === 0) {
    throw new AppError(409, 'nothing_due', {
      vi: 'Việc này không còn khoản nào phải thu (đã thu đủ hoặc không có phí).',
      en: 'Nothing is left to collect on this job (already paid, or no fee is due).',
    });
  }
  const lines = input.lines.filter((l) => l.amountVnd > 0 || outstanding[l.flow] > 0);
  const mismatched: Record<string, LocalizedText> = {};
  input.lines.forEach((l, i) => {
    if (l.amountVnd !== outstanding[l.flow]) {
      mismatched[`lines.${i}.amountVnd`] = {
        vi: `Số tiền phải thu là ${formatVnd(outstanding[l.flow])}`,
        en: `The amount due is ${formatVnd(outstanding[l.flow])}`,
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
  const bank = input.method === 'transfer' ? await findBankAccount(tx) : null;
  if (input.method === 'transfer' && !bank) {
    throw unprocessable('bank_account_not_set', {
      vi: 'Chưa cài đặt tài khoản ngân hàng nhận chuyển khoản. Hãy thu tiền mặt hoặc báo quản trị viên.',
      en: 'No bank account for transfers is set. Collect cash, or ask the administrator to set the account.',
    });
  }
  return { lines: lines.filter((l) => l.amountVnd > 0), reason, bank };
}

/** One ledger line per flow, each with the next receipt number of its unit, flow and year. */
async function ledgerLines(
  tx: Tx,
  auth: AuthContext,
  job: JobRecord,
  input: CollectPaymentInput,
  checked: { lines: CollectPaymentInput['lines']; reason: string | null },
  clock: ActionClock & { collectionId: string; idempotencyKey: string | undefined },
) {
  const { at, now } = clock;
  const cash = input.method === 'cash';
  const values = [];
  for (const l of checked.lines) {
    const n = await nextPaperNumber(tx, job.unitId, receiptSeries(job.unitId, l.flow), now);
    values.push({
      jobId: job.id,
      unitId: job.unitId,
      collectedBy: auth.user.id,
      flow: l.flow,
      method: input.method,
      amountVnd: l.amountVnd,
      status: cash ? 'confirmed' : 'pending',
      receiptYear: n.year,
      receiptSeq: n.seq,
      receiptNo: n.number,
      reason: checked.reason,
      idempotencyKey: clock.idempotencyKey ? `${clock.idempotencyKey}:${l.flow}` : null,
      collectionId: clock.collectionId,
      occurredAt: at,
      recordedAt: now,
      confirmedAt: cash ? at : null,
      confirmedBy: cash ? auth.user.id : null,
      shiftDate: toVnDate(at),
    });
  }
  return insertPayments(tx, values);
}

/**
 * Records one collection at the door: one ledger line per flow, each with the next receipt
 * number of its unit, flow and year, issued in the same transaction. Amounts must equal what
 * is outstanding unless a reason is given. The phone's time follows the one rule of
 * `lib/action-time.ts` and must fall in a shift whose cash is not counted yet
 * (`assertShiftOpen`). A transfer is `pending` until confirmed and comes
 * back with its VietQR payload.
 */
export async function collectPayment(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: CollectPaymentInput,
  opts: ActionOptions = {},
) {
  const spec = {
    can: 'payments.collect',
    occurredAt: input.occurredAt,
    statuses: COLLECTABLE,
    action: { vi: 'thu tiền', en: 'collect money' },
    idempotency: { key: opts.idempotencyKey, scope: `payments:collect:${jobId}`, request: input },
  } as const;
  const r = await runCourierAction(db, auth, jobId, spec, async (tx, job, clock) => {
    await assertShiftOpen(tx, auth.user, toVnDate(clock.at), toVnDate(clock.now));
    const outstanding = outstandingByFlow(job, await findJobPayments(tx, jobId));
    const checked = await checkCollection(tx, input, outstanding);
    const collectionId = randomUUID();
    const rows = await ledgerLines(tx, auth, job, input, checked, {
      ...clock,
      collectionId,
      idempotencyKey: opts.idempotencyKey,
    });
    const total = rows.reduce((s, row) => s + row.amountVnd, 0);
    const bank = checked.bank;
    const vietQr = bank
      ? buildVietQr({
          bankBin: bank.bankBin,
          accountNumber: bank.accountNumber,
          amount: total,
          purpose: `${job.code} thu phi`,
        })
      : null;
    afterCommit(tx, () => notifyPayments(job));
    return {
      collectionId,
      payments: rows.map((row) => presentPayment(row, auth.user.fullName)),
      vietQr,
    };
  });
  return { ...r.body, replayed: r.replayed };
}
