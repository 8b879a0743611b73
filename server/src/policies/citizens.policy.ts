import { forbidden, type LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { OFFICE, definePolicy, unitScope } from './policy';

type CitizenRecord = { unitId: string | null };

/** Today's answer for a caller of another unit: the plain 403. */
const REFUSED: LocalizedText = forbidden().text;

/**
 * Which callers an office user reaches. A caller tied to a unit: only within the caller's
 * units. A caller tied to NO unit (`unitId` null): every office user, in every unit — this
 * is today's rule, kept on purpose; change it here (and in `visibleIn` of
 * citizens.repository.ts, the same rule as a query filter).
 */
export function citizenScope(auth: AuthContext, citizen: CitizenRecord): LocalizedText | null {
  if (citizen.unitId === null) return null;
  return auth.unitIds.includes(citizen.unitId) ? null : REFUSED;
}

/** Tying a caller to a unit: none, or one of the caller's units. */
function tieScope(auth: AuthContext, target: CitizenRecord): LocalizedText | null {
  return target.unitId === null ? null : unitScope(auth, { unitId: target.unitId });
}

/** The caller directory: office roles (couriers see callers through their jobs). */
export const citizensPolicy = definePolicy({
  'citizens.search': { roles: OFFICE },
  'citizens.read': { roles: OFFICE, record: citizenScope },
  'citizens.create': { roles: OFFICE },
  /** Edit a caller and their addresses. */
  'citizens.update': { roles: OFFICE, record: citizenScope },
  /** Tie a caller to a unit (on create or edit). */
  'citizens.tieToUnit': { roles: OFFICE, record: tieScope },
});
