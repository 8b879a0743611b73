import type { JobsUpdatedPayload } from '@tannha/shared';
import type { DbOrTx, Tx } from '../../db/client';
import { notFound } from '../../lib/errors';
import { afterCommit } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { jobRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { clockFor } from './job-board';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobEventRow, JobView, NewJobEventRow } from './jobs.repository';

export const JOB = { vi: 'Việc', en: 'Job' };

/** A job with its names, or 404. */
export async function jobViewOrThrow(db: DbOrTx, id: string): Promise<JobView> {
  const v = await repo.findJobViewById(db, id);
  if (!v) throw notFound(JOB);
  return v;
}

/**
 * Records one event of a job and, after the transaction commits, tells everyone who watches
 * the job (`jobs.updated`, masked phone: sockets broadcast to many): its unit and the units
 * above, its courier, and `previousCourierId` when the job left them. The one way anything
 * that moves a job (the engine, plans, …) writes its timeline.
 */
export async function recordJobEvent(
  tx: Tx,
  event: NewJobEventRow,
  opts: { previousCourierId?: string | null | undefined } = {},
): Promise<JobEventRow> {
  const ev = await repo.insertJobEvent(tx, event);
  const view = await jobViewOrThrow(tx, event.jobId);
  const clock = await clockFor(tx);
  const chain = await unitAndAncestors(tx, view.job.unitId);
  const previousCourierId = opts.previousCourierId ?? null;
  const payload: JobsUpdatedPayload = {
    cursor: ev.id,
    kind: ev.kind,
    job: presentJob(view, clock),
    previousCourierId,
  };
  const rooms = jobRooms(chain, [view.job.courierId, previousCourierId]);
  const scope = {
    ability: 'jobs.read' as const,
    record: { unitId: view.job.unitId, courierId: view.job.courierId },
    alsoUsers: [previousCourierId],
  };
  afterCommit(tx, () => publish({ rooms, event: 'jobs.updated', payload, scope }));
  return ev;
}
