/** The roles and where each lands, apart from zod so the app shell does not load it. */

export const ROLE_VALUES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];

/** Where each role lands after login. */
export const ROLE_HOME: Record<RoleValue, string> = {
  operator: '/operator',
  dispatcher: '/dispatch',
  courier: '/courier',
  manager: '/manager',
  admin: '/admin',
};
