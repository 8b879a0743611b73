import {
  TERMINAL_STATUSES,
  type JobStatus,
  type LocateJobInput,
  type LocatedJob,
  type OfficeRef,
  type UnplacedJobList,
} from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { keepCitizenPlace } from '../citizens/citizens.service';
import { officeForWard, provinceWardOrThrow } from '../places/places.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { clockFor } from './job-board';
import { JOB, jobViewOrThrow, recordJobEvent } from './job-events';
import { findJobForUpdate, findUnplacedJobs } from './job-places.repository';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';
import { statusLabel } from './job-labels';

/** A job's place as its `located` event keeps it (before and after). */
type Place = {
  lat: number | null;
  lng: number | null;
  source: string | null;
  addressText: string;
  wardCode: string | null;
};

const placeOf = (j: JobRow): Place => ({
  lat: j.lat,
  lng: j.lng,
  source: j.locationSource,
  addressText: j.addressText,
  wardCode: j.wardCode,
});

function assertOpen(job: JobRow): void {
  if (!TERMINAL_STATUSES.includes(job.status as JobStatus)) return;
  const label = statusLabel(job.status);
  throw conflict('job_finished', {
    vi: `Việc ${job.code} đã kết thúc (${label.vi}); không sửa vị trí được nữa.`,
    en: `Job ${job.code} is finished (${label.en}); its place can no longer be changed.`,
  });
}

/** The office serving the job's (new) ward, checking a new ward is one of the province's. */
async function wardOffice(tx: Tx, job: JobRow, input: LocateJobInput): Promise<OfficeRef | null> {
  if (input.wardCode) return (await provinceWardOrThrow(tx, input.wardCode)).office;
  return job.wardCode ? officeForWard(tx, job.wardCode) : null;
}

/**
 * Pins or corrects a job's place (operators, dispatchers, managers, admins of its unit; 409
 * `job_finished` on a finished job): position, its source, and the address and ward when
 * given. The change is a `located` event with `{ from, to }` on the job's timeline, and
 * `jobs.updated` goes out after commit (the map, the planner and the courier's phone). With
 * `updateCitizenAddress` the citizen's saved address (the one with the job's old or new
 * text) takes the new place, or the place is added. A new ward never moves the job to
 * another office: `officeForWard` tells which office serves it, the dispatcher decides.
 */
export async function locateJob(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: LocateJobInput,
): Promise<LocatedJob> {
  const { job, office } = await runTransaction(db, async (tx) => {
    const job = await findJobForUpdate(tx, jobId);
    if (!job) throw notFound(JOB);
    assertCan(auth, 'jobs.locate', job);
    assertOpen(job);
    const office = await wardOffice(tx, job, input);
    const from = placeOf(job);
    const updated = await repo.updateJobIfVersion(tx, job.id, job.version, {
      lat: input.lat,
      lng: input.lng,
      locationSource: input.source,
      ...(input.addressText ? { addressText: input.addressText } : {}),
      ...(input.wardCode ? { wardCode: input.wardCode } : {}),
    });
    const to = placeOf(updated!);
    const saved = input.updateCitizenAddress
      ? await keepCitizenPlace(
          tx,
          job.citizenId,
          {
            addressText: to.addressText,
            wardCode: to.wardCode,
            lat: to.lat,
            lng: to.lng,
            locationSource: to.source,
          },
          [from.addressText],
        )
      : null;
    await recordJobEvent(tx, {
      jobId: job.id,
      kind: 'located',
      actorId: auth.user.id,
      reason: input.reason ?? null,
      lat: input.lat,
      lng: input.lng,
      data: { from, to, ...(saved ? { citizenAddressId: saved.id } : {}) },
    });
    return { job: updated!, office };
  });
  const view = await jobViewOrThrow(db, job.id);
  return {
    ...presentJob(view, await clockFor(db), auth),
    locationSource: (view.job.locationSource as LocatedJob['locationSource']) ?? null,
    officeForWard: office,
  };
}

/** Open jobs with no position in the caller's units (or one unit's subtree), oldest first. */
export async function listUnplacedJobs(
  db: Db,
  auth: AuthContext,
  q: { unitId?: string | undefined },
): Promise<UnplacedJobList> {
  let unitIds = auth.unitIds;
  if (q.unitId) {
    assertCan(auth, 'jobs.unplaced', { unitId: q.unitId });
    unitIds = await findUnitSubtreeIds(db, q.unitId);
  }
  const rows = await findUnplacedJobs(db, unitIds);
  const items = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return { items, total: items.length };
}
