import { definePolicy, unitScope } from './policy';
import { ADMINS } from './province';

/**
 * The API keys agencies' one-stop systems send results with. Only admins manage them: a
 * province admin for any unit, a post office admin for its own unit and the units below it.
 * The record is the key's unit (`{ unitId }`).
 */
export const intakeKeysPolicy = definePolicy({
  'intake_keys.list': { roles: ADMINS },
  'intake_keys.create': { roles: ADMINS, record: unitScope },
  'intake_keys.revoke': { roles: ADMINS, record: unitScope },
});
