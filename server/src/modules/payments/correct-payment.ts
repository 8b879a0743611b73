import type { PaymentFlow, ReversePaymentInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotency } from '../../lib/idempotency';
import { afterCommit } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { getActionJob, type ActionOptions } from '../couriers/courier-actions';
import {
  findJobPayments,
  findPaymentById,
  insertPayments,
  markConfirmed,
} from './payments.repository';
import { presentPayment } from './payments.presenter';
import { nextPaperNumber, notifyPayments, receiptSeries } from './payments.service';

/** Locks one ledger line and asserts the ability on it (a courier: their own lines). */
async function lockPayment(
  tx: Tx,
  auth: AuthContext,
  can: 'payments.confirm' | 'payments.reverse',
  paymentId: string,
) {
  const p = await findPaymentById(tx, paymentId, { forUpdate: true });
  if (!p) throw notFound({ vi: 'Khoản thu', en: 'Payment' });
  assertCan(auth, can, p);
  return p;
}

/**
 * Confirms a pending transfer once it is seen on the account: by the courier who took it or
 * by the office of the job's unit. Confirming twice is harmless.
 */
export async function confirmPayment(
  db: Db,
  auth: AuthContext,
  paymentId: string,
  opts: ActionOptions = {},
) {
  const scope = `payments:confirm:${paymentId}`;
  const result = await withIdempotency(
    db,
    { userId: auth.user.id, key: opts.idempotencyKey, scope, request: {} },
    async (tx) => {
      const p = await lockPayment(tx, auth, 'payments.confirm', paymentId);
      const job = await getActionJob(tx, p.jobId);
      const row =
        p.status === 'confirmed' ? p : await markConfirmed(tx, p.id, auth.user.id, new Date());
      afterCommit(tx, () => notifyPayments(job));
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
  opts: ActionOptions = {},
) {
  const now = new Date();
  const scope = `payments:reverse:${paymentId}`;
  return withIdempotency(
    db,
    { userId: auth.user.id, key: opts.idempotencyKey, scope, request: input },
    async (tx) => {
      const p = await lockPayment(tx, auth, 'payments.reverse', paymentId);
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
      const series = receiptSeries(p.unitId, p.flow as PaymentFlow);
      const n = await nextPaperNumber(tx, p.unitId, series, now);
      const confirmed = p.status === 'confirmed';
      const [row] = await insertPayments(tx, [
        {
          jobId: p.jobId,
          unitId: p.unitId,
          collectedBy: p.collectedBy,
          flow: p.flow,
          method: p.method,
          amountVnd: -p.amountVnd,
          status: p.status,
          receiptYear: n.year,
          receiptSeq: n.seq,
          receiptNo: n.number,
          reason: input.reason,
          reversesPaymentId: p.id,
          collectionId: p.collectionId,
          occurredAt: now,
          recordedAt: now,
          confirmedAt: confirmed ? now : null,
          confirmedBy: confirmed ? auth.user.id : null,
          shiftDate: p.shiftDate,
        },
      ]);
      return { status: 201, body: presentPayment(row!, auth.user.fullName) };
    },
  );
}
