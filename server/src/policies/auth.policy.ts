import { EVERY_ROLE, definePolicy } from './policy';

/** Signed-in sessions (logging in is public). */
export const authPolicy = definePolicy({
  'auth.logout': { roles: EVERY_ROLE },
  'auth.me': { roles: EVERY_ROLE },
  /** Everyone signed in changes their own password. */
  'auth.change_password': { roles: EVERY_ROLE },
});
