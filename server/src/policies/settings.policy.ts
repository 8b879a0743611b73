import { definePolicy } from './policy';
import { ADMIN_READERS, ADMINS, provinceWide } from './province';

/** Settings an admin edits (due days, office hours, the bank account, …). */
export const settingsPolicy = definePolicy({
  'settings.list': { roles: ADMIN_READERS },
  'settings.update': { roles: ADMINS, record: provinceWide },
});
