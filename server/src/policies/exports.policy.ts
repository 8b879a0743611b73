import { definePolicy, unitScope } from './policy';
import { REPORT_READERS } from './reports.policy';

/** The dashboard's rows as a download: the same people and units as the dashboard. */
export const exportsPolicy = definePolicy({
  'exports.download': { roles: REPORT_READERS, record: unitScope },
});
