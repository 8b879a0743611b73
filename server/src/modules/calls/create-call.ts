import { toVnDate, type Call, type CreateCallInput } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { findOnlyCitizenByPhone } from '../citizens/citizens.service';
import { callView, checkCallRefs } from './call-record';
import * as repo from './calls.repository';
import type { NewCallRow } from './calls.repository';
import { feedbackDueFrom } from './feedback';

/** `1022-YYMMDD-NNNN`: the day it came in and the gapless call number. */
export function ticketCode(n: number, at: Date): string {
  return `1022-${toVnDate(at).slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
}

/** Inserts a call with the next ticket code, inside the caller's transaction. */
export async function insertCallWithTicket(tx: DbOrTx, values: Omit<NewCallRow, 'ticketCode'>) {
  const started = values.startedAt ?? new Date();
  const n = await repo.nextCallNumber(tx);
  return repo.insertCall(tx, { ...values, startedAt: started, ticketCode: ticketCode(n, started) });
}

/**
 * Logs a call (the operator's form) in the user's unit; links the caller by phone when
 * exactly one of the user's units' callers matches.
 */
export async function createCall(db: Db, auth: AuthContext, input: CreateCallInput): Promise<Call> {
  assertCan(auth, 'calls.create');
  return runTransaction(db, async (tx) => {
    await checkCallRefs(tx, auth, input);
    const citizenId =
      input.citizenId || (await findOnlyCitizenByPhone(tx, input.callerPhone, auth.unitIds));
    const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
    const feedbackDueDate =
      input.category === 'feedback'
        ? (input.feedbackDueDate ?? (await feedbackDueFrom(tx, startedAt)))
        : (input.feedbackDueDate ?? null);
    const closed = input.close === true;
    const row = await insertCallWithTicket(tx, {
      direction: input.direction,
      callerPhone: input.callerPhone,
      callerName: input.callerName ?? null,
      callerAddress: input.callerAddress ?? null,
      citizenId,
      operatorId: auth.user.id,
      unitId: auth.user.unitId,
      startedAt,
      answeredAt: input.direction === 'inbound' ? startedAt : null,
      category: input.category ?? null,
      procedureId: input.procedureId ?? null,
      content: input.content ?? null,
      outcome: input.outcome ?? (closed ? 'answered' : null),
      forwardedUnitId: input.forwardedUnitId ?? null,
      feedbackDueDate,
      answer: input.answer ?? null,
      published: input.published ?? false,
      closedAt: closed ? new Date() : null,
      closedBy: closed ? auth.user.id : null,
      endedAt: closed ? new Date() : null,
    });
    return callView(tx, row.id);
  });
}
