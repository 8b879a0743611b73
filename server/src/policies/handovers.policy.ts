import { EVERY_ROLE, definePolicy, unitScope } from './policy';
import { ownJobOrUnit } from './jobs.policy';

/**
 * The papers of the postal leg (result handover, dossier slip, submission, agency handover
 * record): only couriers write them, on their own jobs; everyone reads those of their jobs
 * (a courier their own, the office its units').
 *
 * The counter pickup of results: a courier takes results of their own office (a job of
 * another post office is refused, whoever it is assigned to); its record is read by its
 * courier and by the office of its unit.
 */
export const handoversPolicy = definePolicy({
  'handovers.write': { roles: ['courier'], record: ownJobOrUnit },
  'handovers.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'handovers.result_pickup': { roles: ['courier'], record: unitScope },
  'handovers.result_pickup_read': {
    roles: ['courier', 'dispatcher', 'manager', 'admin'],
    record: ownJobOrUnit,
  },
});
