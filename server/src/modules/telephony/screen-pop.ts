import type { IncomingCallEvent } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { findCall, type CallRow } from '../calls/calls.service';
import { getCallerCard, listRecentCalls } from '../citizens/citizens.service';

/**
 * The caller's history for the screen pop as the receiving units (`unitIds`) see it: their
 * caller, their last calls, their open jobs — nothing of another unit's.
 */
export async function buildScreenPop(
  db: DbOrTx,
  c: CallRow,
  unitIds: readonly string[],
): Promise<IncomingCallEvent> {
  const card = c.citizenId ? await getCallerCard(db, c.citizenId, unitIds) : null;
  const lastCalls = (await listRecentCalls(db, c.citizenId, c.callerPhone, unitIds, 6))
    .filter((x) => x.id !== c.id)
    .slice(0, 5)
    .map((x) => ({
      id: x.id,
      ticketCode: x.ticketCode,
      startedAt: x.startedAt.toISOString(),
      category: x.category,
      outcome: x.outcome,
      content: x.content,
    }));
  return {
    callId: c.id,
    ticketCode: c.ticketCode,
    callerPhone: c.callerPhone,
    startedAt: c.startedAt.toISOString(),
    outOfHours: c.outOfHours,
    citizen: card?.citizen ?? null,
    lastCalls,
    openJobs: card?.openJobs ?? [],
  };
}

/** The screen pop of a call of the caller's units (the console opens it on demand). */
export async function getScreenPop(
  db: Db,
  auth: AuthContext,
  callId: string,
): Promise<IncomingCallEvent> {
  assertCan(auth, 'telephony.screenPop');
  const c = await findCall(db, callId);
  if (!c) throw notFound({ vi: 'Cuộc gọi', en: 'Call' });
  assertCan(auth, 'telephony.screenPop', c);
  return buildScreenPop(db, c, auth.unitIds);
}
