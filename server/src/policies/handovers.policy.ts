import { EVERY_ROLE, definePolicy } from './policy';
import { ownJobOrUnit } from './jobs.policy';

/**
 * The papers of the postal leg (result handover, dossier slip, submission, agency handover
 * record): only couriers write them, on their own jobs; everyone reads those of their jobs
 * (a courier their own, the office its units').
 */
export const handoversPolicy = definePolicy({
  'handovers.write': { roles: ['courier'], record: ownJobOrUnit },
  'handovers.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
});
