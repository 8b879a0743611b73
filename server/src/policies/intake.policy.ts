import { definePolicy } from './policy';

/**
 * Results intake (file imports of the one-stop export; import records): admins and dispatchers
 * import for their unit and the units below it; managers may also read the records.
 */
export const intakePolicy = definePolicy({
  'intake.import': { roles: ['dispatcher', 'admin'] },
  'intake.list': { roles: ['dispatcher', 'manager', 'admin'] },
});
