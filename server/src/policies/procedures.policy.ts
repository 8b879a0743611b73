import { EVERY_ROLE, definePolicy } from './policy';
import { ADMIN_READERS, ADMINS, provinceWide } from './province';

/** The procedure catalogue: everyone searches it; a province admin changes it. */
export const proceduresPolicy = definePolicy({
  'procedures.search': { roles: EVERY_ROLE },
  'procedures.admin_list': { roles: ADMIN_READERS },
  'procedures.create': { roles: ADMINS, record: provinceWide },
  'procedures.update': { roles: ADMINS, record: provinceWide },
  'procedures.import': { roles: ADMINS, record: provinceWide },
});
