import type { Call } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { callView, loadCall, type CallRow } from './call-record';
import { ensureAutoCallback } from './callbacks';
import * as repo from './calls.repository';

/**
 * How long an open call may sit with no write before it counts as abandoned: a ringing call
 * nobody took (the caller hung up, the operator's browser closed) is given up sooner than one
 * an operator took and is still writing up.
 */
export const ABANDONED_AFTER_MINUTES = { unclaimed: 10, claimed: 60 } as const;

/** Whether a call is still waiting for someone to say what became of it. */
function isUnsettled(c: CallRow): boolean {
  return c.closedAt === null && c.outcome === null;
}

/**
 * An operator takes a ringing call: it becomes theirs (so a colleague who dismisses the same
 * banner does not turn it into a callback). 409 `call_taken` when another operator has it.
 */
export async function answerCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, id, 'calls.update', { forUpdate: true });
    if (c.operatorId && c.operatorId !== auth.user.id && isUnsettled(c)) {
      throw new AppError(409, 'call_taken', {
        vi: `Phiếu ${c.ticketCode} đã có điện thoại viên khác nhận.`,
        en: `Call ${c.ticketCode} was already taken by another operator.`,
      });
    }
    if (!c.operatorId)
      await repo.updateCallRow(tx, id, {
        operatorId: auth.user.id,
        answeredAt: c.answeredAt ?? new Date(),
      });
    return callView(tx, id);
  });
}

/**
 * An operator dismisses a ringing call (Esc on the banner): nobody talked to the caller, so
 * the call is marked missed and owes a callback due soon. A call someone already took, or
 * one already settled, is left as it is.
 */
export async function dismissCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, id, 'calls.update', { forUpdate: true });
    if (isUnsettled(c) && (c.operatorId === null || c.operatorId === auth.user.id)) {
      const ended = await repo.updateCallRow(tx, id, { endedAt: c.endedAt ?? new Date() });
      await ensureAutoCallback(tx, ended!, 'dismissed');
    }
    return callView(tx, id);
  });
}

/**
 * Open inbound calls nobody settled (the caller hung up during the form, the browser closed,
 * the operator logged out, the phone system reported the end but nobody saved): each becomes
 * a callback with the reason `abandoned`. Run on the read of the callbacks list, so the desk
 * sees them without a timer. Returns how many were turned into callbacks.
 */
export async function sweepAbandonedCalls(db: Db, now = new Date()): Promise<number> {
  const minute = 60_000;
  const candidates = await repo.listUnsettledInboundCalls(db, {
    unclaimedBefore: new Date(now.getTime() - ABANDONED_AFTER_MINUTES.unclaimed * minute),
    claimedBefore: new Date(now.getTime() - ABANDONED_AFTER_MINUTES.claimed * minute),
    startedAfter: new Date(now.getTime() - 7 * 24 * 60 * minute),
  });
  let swept = 0;
  for (const { id } of candidates) {
    const done = await runTransaction(db, async (tx) => settleAbandoned(tx, id, now));
    if (done) swept += 1;
  }
  return swept;
}

/** Re-checks one call under its lock and turns it into a callback if still unsettled. */
async function settleAbandoned(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const c = await repo.getCallRow(tx, id, true);
  if (!c || !isUnsettled(c)) return false;
  const ended = await repo.updateCallRow(tx, id, { endedAt: c.endedAt ?? now });
  await ensureAutoCallback(tx, ended!, 'abandoned', { now });
  return true;
}
