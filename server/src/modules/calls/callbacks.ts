import {
  formatVnDateTime,
  type CallbackReason,
  type CallOutcome,
  type CompleteCallbackInput,
  type ListCallbacksQuery,
  type ScheduleCallbackInput,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { queueSms } from '../sms/sms.service';
import { loadCall, type CallRow } from './call-record';
import { presentCallback } from './calls.presenter';
import * as repo from './calls.repository';
import { loadOfficeHours, nextOpening } from './office-hours';

async function callbackView(db: DbOrTx, id: string) {
  return presentCallback((await repo.getCallbackView(db, id))!);
}

/** Whether the call still owes an open callback. */
export async function hasOpenCallback(db: DbOrTx, callId: string): Promise<boolean> {
  return (await repo.openCallbackForCall(db, callId)) !== undefined;
}

/** Why a callback is owed without anyone scheduling it. */
export type AutoCallbackReason = Exclude<CallbackReason, 'requested'>;

/** The call's outcome once it owes a callback: nobody talked to the caller, or somebody did. */
function outcomeFor(c: CallRow, reason: AutoCallbackReason): CallOutcome {
  if (reason === 'missed' || reason === 'dismissed') return 'missed';
  if (reason === 'abandoned') return c.operatorId ? 'callback_scheduled' : 'missed';
  return 'callback_scheduled';
}

/**
 * A callback owed for a call (missed, dismissed on the desk, abandoned, out of hours,
 * voicemail), at most one open per call. Due at the next opening of the desk (within 15
 * minutes in hours); the citizen gets one SMS saying so.
 */
export async function ensureAutoCallback(
  tx: DbOrTx,
  c: CallRow,
  reason: AutoCallbackReason,
  opts: { now?: Date; note?: string } = {},
) {
  const existing = await repo.openCallbackForCall(tx, c.id);
  if (existing) {
    if (reason === 'voicemail' && existing.reason !== 'voicemail')
      return repo.updateCallbackRow(tx, existing.id, { reason, note: opts.note ?? existing.note });
    return existing;
  }
  const now = opts.now ?? new Date();
  const { cal, hours } = await loadOfficeHours(tx);
  const opening = nextOpening(cal, hours, now);
  // In hours: call back within 15 minutes; out of hours: when the desk opens.
  const dueAt =
    opening.getTime() === now.getTime() ? new Date(now.getTime() + 15 * 60_000) : opening;
  const cb = await repo.insertCallback(tx, {
    callId: c.id,
    unitId: c.unitId,
    phone: c.callerPhone,
    citizenId: c.citizenId,
    dueAt,
    reason,
    note: opts.note ?? null,
  });
  await repo.updateCallRow(tx, c.id, {
    outcome: c.outcome ?? outcomeFor(c, reason),
  });
  await queueSms(tx, {
    to: c.callerPhone,
    template: 'callback_scheduled',
    vars: { ticketCode: c.ticketCode, dueTime: formatVnDateTime(dueAt) },
    citizenId: c.citizenId,
    callId: c.id,
  });
  return cb;
}

/** An operator promises to call back at `dueAt`. */
export async function scheduleCallback(
  db: Db,
  auth: AuthContext,
  callId: string,
  input: ScheduleCallbackInput,
) {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, callId, 'callbacks.schedule', { forUpdate: true });
    const existing = await repo.openCallbackForCall(tx, callId);
    const assignedTo = input.assignedTo === undefined ? auth.user.id : input.assignedTo;
    const cb = existing
      ? await repo.updateCallbackRow(tx, existing.id, {
          dueAt: new Date(input.dueAt),
          note: input.note ?? existing.note,
          assignedTo,
        })
      : await repo.insertCallback(tx, {
          callId,
          unitId: c.unitId,
          phone: c.callerPhone,
          citizenId: c.citizenId,
          dueAt: new Date(input.dueAt),
          reason: 'requested',
          note: input.note ?? null,
          assignedTo,
          createdBy: auth.user.id,
        });
    if (!c.outcome || c.outcome === 'missed')
      await repo.updateCallRow(tx, callId, { outcome: 'callback_scheduled' });
    return callbackView(tx, cb!.id);
  });
}

/** Due and overdue callbacks (or all open ones) for me or my units. */
export async function listCallbacks(db: Db, auth: AuthContext, q: ListCallbacksQuery) {
  assertCan(auth, 'callbacks.list');
  const where = repo.callbackFilters({
    unitIds: auth.unitIds,
    status: q.status,
    mineId: q.scope === 'mine' ? auth.user.id : undefined,
    dueBy: q.due === 'true' ? new Date() : undefined,
  });
  const now = new Date();
  return {
    items: (await repo.listCallbackViews(db, where, q.limit)).map((v) => presentCallback(v, now)),
  };
}

/** Marks a callback done (or cancelled), recording who and when. */
export async function completeCallback(
  db: Db,
  auth: AuthContext,
  id: string,
  input: CompleteCallbackInput,
) {
  assertCan(auth, 'callbacks.complete');
  return runTransaction(db, async (tx) => {
    const cb = await repo.getCallbackRow(tx, id);
    if (!cb) throw notFound({ vi: 'Lịch gọi lại', en: 'Callback' });
    assertCan(auth, 'callbacks.complete', cb);
    if (cb.status !== 'open') {
      throw conflict('callback_not_open', {
        vi: 'Lịch gọi lại này đã được xử lý.',
        en: 'This callback was already handled.',
      });
    }
    await repo.updateCallbackRow(tx, id, {
      status: input.status,
      doneAt: new Date(),
      doneBy: auth.user.id,
      note: input.note ?? cb.note,
    });
    return callbackView(tx, id);
  });
}
