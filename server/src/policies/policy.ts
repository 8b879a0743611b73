import { ROLE_VALUES, type RoleValue } from '@tannha/shared';
import { forbidden, type LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';

/** Every role, in the order of the shared list. */
export const EVERY_ROLE: readonly RoleValue[] = ROLE_VALUES;
/** Every office role (everyone but couriers). */
export const OFFICE: readonly RoleValue[] = ['operator', 'dispatcher', 'manager', 'admin'];

/**
 * One ability: which roles hold it, and the check a service runs on the record it loaded.
 * `record` returns null when the caller may act, or the reason (shown to the user) when not;
 * without it the record's unit must be in the caller's units.
 */
export type Rule<R = { unitId: string }> = {
  roles: readonly RoleValue[];
  record?: (auth: AuthContext, record: R) => LocalizedText | null;
};

/** Declares the abilities of one resource; keeps each rule's record type for `assertCan`. */
export function definePolicy<const T extends Record<string, Rule<never>>>(rules: T): T {
  return rules;
}

export const OUTSIDE_UNIT: LocalizedText = {
  vi: 'Đơn vị này không thuộc phạm vi quản lý của bạn.',
  en: 'This unit is outside the units you manage.',
};

/** The default record check: the record's unit is the caller's unit or one below it. */
export function unitScope(auth: AuthContext, record: { unitId: string }): LocalizedText | null {
  return auth.unitIds.includes(record.unitId) ? null : OUTSIDE_UNIT;
}

/** Whether the caller's role holds the rule, and (when given) whether it passes on the record. */
export function allows<R>(rule: Rule<R>, auth: AuthContext | undefined, record?: R): boolean {
  return denial(rule, auth, record) === undefined;
}

/** Undefined when allowed; otherwise the reason (null: the role does not hold it at all). */
export function denial<R>(
  rule: Rule<R>,
  auth: AuthContext | undefined,
  record?: R,
): LocalizedText | null | undefined {
  if (!auth || !rule.roles.includes(auth.user.role)) return null;
  if (record === undefined) return undefined;
  const check = rule.record ?? (unitScope as unknown as NonNullable<Rule<R>['record']>);
  return check(auth, record) ?? undefined;
}

/** Throws 403 (with the rule's reason) when {@link denial} refuses. */
export function assertRule<R>(rule: Rule<R>, auth: AuthContext, record?: R): void {
  const reason = denial(rule, auth, record);
  if (reason === undefined) return;
  throw forbidden(reason ?? undefined);
}
