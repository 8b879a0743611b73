import type { Tx } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import type { JobHooks } from './job-hooks';
import { versionConflict } from './job-errors';
import { JOB, recordJobEvent } from './job-events';
import { runJobHooks } from './job-hooks';
import { statusLabel } from './job-labels';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';

/**
 * A courier takes a job nobody was given yet (`new`, no courier): it becomes theirs and
 * `assigned`, written as an `assign` event with the `assigned` hooks, exactly as a
 * dispatcher's assignment would be. For results the courier collects at the agency's counter:
 * the stack in their hands decides who delivers it. The caller has checked its own ability on
 * the locked row (the job is of the courier's office); this refuses anything but a free job.
 */
export async function claimJob(
  tx: Tx,
  auth: AuthContext,
  jobId: string,
  opts: { hooks: JobHooks; at: Date; now: Date },
): Promise<JobRow> {
  const job = await repo.findJobById(tx, jobId);
  if (!job) throw notFound(JOB);
  if (job.status !== 'new' || job.courierId) {
    throw conflict('job_not_free', {
      vi: `Việc ${job.code} không còn chờ phân công (trạng thái: ${statusLabel(job.status).vi}).`,
      en: `Job ${job.code} is no longer waiting for a courier (status: ${job.status}).`,
    });
  }
  const updated = await repo.updateJobIfVersion(tx, job.id, job.version, {
    courierId: auth.user.id,
    assignedAt: opts.now,
    routeOrder: null,
    status: 'assigned',
    statusChangedAt: opts.now,
  });
  if (!updated) throw versionConflict((await repo.findJobById(tx, job.id)) ?? job);
  await recordJobEvent(tx, {
    jobId: job.id,
    kind: 'assign',
    fromStatus: job.status,
    toStatus: 'assigned',
    reason: null,
    actorId: auth.user.id,
    occurredAt: opts.at,
    recordedAt: opts.now,
    data: { courierId: auth.user.id, previousCourierId: null, via: 'counter_pickup' },
  });
  await runJobHooks(opts.hooks, 'assigned', tx, updated, auth);
  return updated;
}
