import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { OFFICE, definePolicy, unitScope } from './policy';

type CitizenRecord = { unitId: string };

const OTHER_UNIT: LocalizedText = {
  vi: 'Người gọi này thuộc đơn vị khác.',
  en: 'This caller belongs to another unit.',
};

/**
 * Which callers an office user reaches: those of the user's unit or a unit below it (the
 * same rule as `visibleIn` of citizens.repository.ts, as a query filter). Answered 403 like
 * a call of another unit (policies/calls.policy.ts).
 */
export function citizenScope(auth: AuthContext, citizen: CitizenRecord): LocalizedText | null {
  return auth.unitIds.includes(citizen.unitId) ? null : OTHER_UNIT;
}

/** The caller directory: office roles (couriers see callers through their jobs). */
export const citizensPolicy = definePolicy({
  'citizens.search': { roles: OFFICE },
  'citizens.read': { roles: OFFICE, record: citizenScope },
  'citizens.create': { roles: OFFICE },
  /** Edit a caller and their addresses. */
  'citizens.update': { roles: OFFICE, record: citizenScope },
  /** Tie a caller to a unit of the user's (on create or edit). */
  'citizens.tieToUnit': { roles: OFFICE, record: unitScope },
});
