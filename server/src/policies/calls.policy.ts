import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { OFFICE, definePolicy, unitScope } from './policy';

type CallRecord = { unitId: string; forwardedUnitId: string | null };

const OTHER_UNIT: LocalizedText = {
  vi: 'Cuộc gọi này thuộc đơn vị khác.',
  en: 'This call belongs to another unit.',
};

/** A call is seen by the unit that took it and by the unit it was forwarded to. */
export function callScope(auth: AuthContext, call: CallRecord): LocalizedText | null {
  const seen =
    auth.unitIds.includes(call.unitId) ||
    (call.forwardedUnitId !== null && auth.unitIds.includes(call.forwardedUnitId));
  return seen ? null : OTHER_UNIT;
}

const SUPERVISORS = ['manager', 'admin'] as const;

/** The 1022 call log and the callbacks it owes: the office desk; closed calls: supervisors. */
export const callsPolicy = definePolicy({
  /** The log, overdue feedback; a unit filter must be one of the caller's units. */
  'calls.list': { roles: OFFICE, record: unitScope },
  'calls.read': { roles: OFFICE, record: callScope },
  /** A new call is logged in the caller's own unit. */
  'calls.create': { roles: OFFICE },
  'calls.update': { roles: OFFICE, record: callScope },
  /** Editing a call once it is closed (with a reason, audited). */
  'calls.updateClosed': { roles: SUPERVISORS, record: callScope },
  'calls.close': { roles: OFFICE, record: callScope },
  'calls.reopen': { roles: SUPERVISORS, record: callScope },
  'calls.createJob': { roles: OFFICE, record: callScope },
  'callbacks.list': { roles: OFFICE },
  'callbacks.schedule': { roles: OFFICE, record: callScope },
  /** Closing a callback: the callback's unit must be the caller's. */
  'callbacks.complete': { roles: OFFICE, record: unitScope },
});
