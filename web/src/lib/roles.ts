/** Staff roles, in the order admin screens list them. */
export const ROLES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** Narrows a value coming from the server or the URL to a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
