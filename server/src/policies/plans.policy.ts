import { definePolicy, unitScope } from './policy';

/** Who plans routes: dispatchers, managers, admins, for their units. */
export const PLANNERS = ['dispatcher', 'manager', 'admin'] as const;

/** Route plans: propose a unit's day, read, edit the order, commit (all in the caller's units). */
export const plansPolicy = definePolicy({
  'plans.create': { roles: PLANNERS, record: unitScope },
  'plans.read': { roles: PLANNERS, record: unitScope },
  'plans.update': { roles: PLANNERS, record: unitScope },
  'plans.commit': { roles: PLANNERS, record: unitScope },
});
