import { ROLE_HOME, type RoleValue } from '@tannha/shared';

export { ROLE_HOME };

/**
 * Where to go after logging in: back to the page the session expired on when that page belongs
 * to the role, otherwise the role's home. Anything else in `next` (another role's page, another
 * site) is ignored, so the parameter cannot be used to bounce users elsewhere.
 */
export function destinationAfterLogin(role: RoleValue, next: string | null): string {
  const home = ROLE_HOME[role];
  if (!next || !next.startsWith(home)) return home;
  const rest = next.slice(home.length);
  return rest === '' || rest.startsWith('/') || rest.startsWith('?') ? next : home;
}
