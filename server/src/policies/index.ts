import type { AuthContext } from '../lib/http';
import { callsPolicy } from './calls.policy';
import { citizensPolicy } from './citizens.policy';
import { jobsPolicy } from './jobs.policy';
import { telephonyPolicy } from './telephony.policy';
import { documentsPolicy } from './documents.policy';
import { exportsPolicy } from './exports.policy';
import { handoversPolicy } from './handovers.policy';
import { paymentsPolicy } from './payments.policy';
import { ratingsPolicy } from './ratings.policy';
import { reconciliationPolicy } from './reconciliation.policy';
import { reportsPolicy } from './reports.policy';
import { couriersPolicy } from './couriers.policy';
import { notificationsPolicy } from './notifications.policy';
import { plansPolicy } from './plans.policy';
import { usersPolicy } from './users.policy';
import { unitsPolicy } from './units.policy';
import { divisionsPolicy } from './divisions.policy';
import { proceduresPolicy } from './procedures.policy';
import { calendarPolicy } from './calendar.policy';
import { settingsPolicy } from './settings.policy';
import { auditPolicy } from './audit.policy';
import { smsPolicy } from './sms.policy';
import { authPolicy } from './auth.policy';
import { configPolicy } from './config.policy';
import { intakePolicy } from './intake.policy';
import { intakeKeysPolicy } from './intake-keys.policy';
import { placesPolicy } from './places.policy';
import { allows, assertRule, type Rule } from './policy';

/**
 * What each role may do to each resource, in one table. Routes declare the ability
 * (`endpoint({ can: 'jobs.assign' })`, which checks the role); services assert it on the
 * record they loaded (`assertCan(auth, 'jobs.assign', job)`, which checks role and unit).
 * Add a resource: write `<resource>.policy.ts` with `definePolicy` and spread it here.
 */
export const POLICIES = {
  ...jobsPolicy,
  ...callsPolicy,
  ...citizensPolicy,
  ...telephonyPolicy,
  ...handoversPolicy,
  ...paymentsPolicy,
  ...documentsPolicy,
  ...reportsPolicy,
  ...reconciliationPolicy,
  ...exportsPolicy,
  ...ratingsPolicy,
  ...plansPolicy,
  ...couriersPolicy,
  ...notificationsPolicy,
  ...usersPolicy,
  ...unitsPolicy,
  ...divisionsPolicy,
  ...proceduresPolicy,
  ...calendarPolicy,
  ...settingsPolicy,
  ...auditPolicy,
  ...smsPolicy,
  ...authPolicy,
  ...configPolicy,
  ...intakePolicy,
  ...intakeKeysPolicy,
  ...placesPolicy,
} as const;

type Policies = typeof POLICIES;
/** Every ability name, e.g. `'jobs.assign'`. */
export type Ability = keyof Policies;
/** The record an ability is checked on (what the service passes to `assertCan`). */
export type RecordOf<A extends Ability> = Policies[A] extends Rule<infer R> ? R : never;

/** Whether the caller may use the ability (on the record, when given). */
export function can<A extends Ability>(
  auth: AuthContext | undefined,
  ability: A,
  record?: RecordOf<A>,
): boolean {
  return allows(POLICIES[ability] as Rule<RecordOf<A>>, auth, record);
}

/** 403 unless the caller may use the ability (on the record, when given). */
export function assertCan<A extends Ability>(
  auth: AuthContext,
  ability: A,
  record?: RecordOf<A>,
): void {
  assertRule(POLICIES[ability] as Rule<RecordOf<A>>, auth, record);
}

/** The roles that hold an ability (the route's first check). */
export function rolesFor(ability: Ability): readonly string[] {
  return POLICIES[ability].roles;
}
