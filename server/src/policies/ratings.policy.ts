import { definePolicy, unitScope } from './policy';
import { REPORT_READERS } from './reports.policy';

/**
 * Citizens' ratings with their comments, for the units a manager reads reports of. Rating a
 * job is public (tracking), proven by its code and the phone's last four digits.
 */
export const ratingsPolicy = definePolicy({
  'ratings.list': { roles: REPORT_READERS, record: unitScope },
});
