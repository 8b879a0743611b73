import { PACKAGE_HANDED_STATUSES, PACKAGE_TAKEN_STATUSES } from '@tannha/shared';
import type { JobHook } from '../jobs/jobs.service';
import {
  ensureMilestoneRow,
  ensureMilestoneRows,
  noteMilestone,
} from './job-milestones.repository';

export { refreshJobMilestones } from './job-milestones.repository';

// The stages the dashboard times, as the postal leg defines them (shared/postal-leg.ts).
const PICKUP: readonly string[] = PACKAGE_TAKEN_STATUSES;
const HANDED: readonly string[] = PACKAGE_HANDED_STATUSES;

/** Keeps job_milestones in step with the job engine, inside each change's own transaction. */
export function reportsJobHooks(): JobHook {
  return {
    name: 'reports',
    created: (tx, job) => ensureMilestoneRow(tx, job),
    createdMany: (tx, jobs) => ensureMilestoneRows(tx, jobs),
    assigned: async (tx, job) => {
      if (job.courierId && job.assignedAt) await noteMilestone(tx, job, 'assigned', job.assignedAt);
    },
    transitioned: async (tx, job, event) => {
      const to = event.toStatus ?? '';
      if (to === 'assigned') await noteMilestone(tx, job, 'assigned', event.occurredAt);
      else if (PICKUP.includes(to)) await noteMilestone(tx, job, 'pickup', event.occurredAt);
      else if (HANDED.includes(to)) await noteMilestone(tx, job, 'handed', event.occurredAt);
      else await ensureMilestoneRow(tx, job);
    },
  };
}
