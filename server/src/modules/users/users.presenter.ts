import type { AdminUser } from '@tannha/shared';
import type { UserRow } from './users.repository';

/** What an admin sees of a user (never the hash). */
export function presentAdminUser(u: UserRow, unitName?: string): AdminUser {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    unitId: u.unitId,
    ...(unitName !== undefined ? { unitName } : {}),
    phone: u.phone,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of a user. */
export function auditedUser(u: UserRow) {
  return {
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    unitId: u.unitId,
    phone: u.phone,
    disabled: u.disabled,
  };
}
