import type { Call } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { getCitizenForUser } from '../citizens/citizens.service';
import { presentCall } from './calls.presenter';
import * as repo from './calls.repository';
import type { CallRow } from './calls.repository';

export type { CallRow } from './calls.repository';

export const CALL = { vi: 'Cuộc gọi', en: 'Call' };

/** The abilities checked on one call (see policies/calls.policy.ts). */
export type CallAbility =
  | 'calls.read'
  | 'calls.update'
  | 'calls.close'
  | 'calls.reopen'
  | 'calls.createJob'
  | 'callbacks.schedule';

/**
 * Loads a call for an action: 403 when the role lacks the ability, 404 when there is no
 * such call, 403 when the call is another unit's. `forUpdate` locks the row (in a transaction).
 */
export async function loadCall(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  ability: CallAbility,
  opts: { forUpdate?: boolean } = {},
): Promise<CallRow> {
  assertCan(auth, ability);
  const c = await repo.getCallRow(db, id, opts.forUpdate ?? false);
  if (!c) throw notFound(CALL);
  assertCan(auth, ability, c);
  return c;
}

/** The API shape of a call that exists. */
export async function callView(db: DbOrTx, id: string): Promise<Call> {
  return presentCall((await repo.getCallView(db, id))!);
}

/** A call by id without any access check (the caller checks; e.g. the screen pop). */
export async function findCall(db: DbOrTx, id: string): Promise<CallRow | undefined> {
  return repo.getCallRow(db, id);
}

/** The call Twilio knows by this CallSid. */
export async function findCallBySid(db: DbOrTx, sid: string): Promise<CallRow | undefined> {
  return repo.getCallBySid(db, sid);
}

/** Writes fields of a call as the phone system reports them (status, times, recording). */
export async function patchCall(
  tx: DbOrTx,
  id: string,
  patch: Partial<CallRow>,
): Promise<CallRow | undefined> {
  return repo.updateCallRow(tx, id, patch);
}

/** The caller must be one the user may see; a unit to forward to must exist (any unit). */
export async function checkCallRefs(
  db: DbOrTx,
  auth: AuthContext,
  input: { citizenId?: string | null | undefined; forwardedUnitId?: string | null | undefined },
): Promise<void> {
  if (input.citizenId) await getCitizenForUser(db, auth, input.citizenId);
  // Feedback may be forwarded to any unit (often outside the caller's own tree), but it must exist.
  if (input.forwardedUnitId && !(await repo.unitExists(db, input.forwardedUnitId))) {
    throw unprocessable(
      'unit_not_found',
      { vi: 'Đơn vị nhận chuyển không tồn tại.', en: 'The unit to forward to does not exist.' },
      { forwardedUnitId: { vi: 'Chọn lại đơn vị', en: 'Choose the unit again' } },
    );
  }
}
