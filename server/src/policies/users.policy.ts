import { definePolicy, unitScope } from './policy';
import { ADMIN_READERS, ADMINS } from './province';

/** Staff accounts: the directory dispatchers pick couriers from, and the admin screens. */
export const usersPolicy = definePolicy({
  /** GET /users — the record is the unit asked for, when one is. */
  'users.list': { roles: ['dispatcher', 'manager', 'admin'], record: unitScope },
  'users.admin_list': { roles: ADMIN_READERS },
  /** The record is the user (its unit), or the unit a user is created in or moved to. */
  'users.create': { roles: ADMINS, record: unitScope },
  'users.update': { roles: ADMINS, record: unitScope },
  'users.reset_password': { roles: ADMINS, record: unitScope },
  /** Lifts the sign-in throttling of a user of the admin's units. */
  'users.unlock_login': { roles: ADMINS, record: unitScope },
});
