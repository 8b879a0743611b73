import { definePolicy, unitScope } from './policy';

/** Who reads the dashboard of a unit (and the units below it). */
export const REPORT_READERS = ['manager', 'admin'] as const;

/** The manager dashboard's figures, for a unit in the caller's scope. */
export const reportsPolicy = definePolicy({
  'reports.read': { roles: REPORT_READERS, record: unitScope },
});
