import { EVERY_ROLE, definePolicy, unitScope } from './policy';
import { ADMIN_READERS, ADMINS } from './province';

/** Post offices and the units above them; everyone sees their own subtree. */
export const unitsPolicy = definePolicy({
  'units.list': { roles: EVERY_ROLE },
  'units.read': { roles: EVERY_ROLE, record: unitScope },
  'units.admin_list': { roles: ADMIN_READERS },
  /** The record is the new unit's parent (`{ unitId: parentId }`). */
  'units.create': { roles: ADMINS, record: unitScope },
  'units.update': { roles: ADMINS, record: unitScope },
});
