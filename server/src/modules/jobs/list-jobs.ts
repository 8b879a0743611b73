import {
  toVnDate,
  type Job,
  type JobEvent,
  type JobList,
  type ListJobsQuery,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { jobHiddenFrom, jobListScope } from '../../policies/jobs.policy';
import { findUnitSubtreeIds } from '../units/units.service';
import { clockFor } from './job-board';
import { JOB, jobViewOrThrow } from './job-events';
import { findJobIdsChangedInScope, findJobPage, findOverdueJobs } from './job-list.repository';
import { presentJob, presentJobEvent } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';

/** Who may look at a job: its courier, or office staff of its unit or above. 404 for other couriers (not even its existence leaks). */
function assertCanSee(auth: AuthContext, job: JobRow): void {
  if (jobHiddenFrom(auth, job)) throw notFound(JOB);
  assertCan(auth, 'jobs.read', job);
}

/** One job, if the caller may see it (couriers: only their own; others: their units). */
export async function getJob(db: Db, auth: AuthContext, jobId: string): Promise<Job> {
  const view = await jobViewOrThrow(db, jobId);
  assertCanSee(auth, view.job);
  return presentJob(view, await clockFor(db), auth);
}

/** A job's timeline, oldest first. */
export async function getJobTimeline(
  db: Db,
  auth: AuthContext,
  jobId: string,
): Promise<JobEvent[]> {
  const job = await repo.findJobById(db, jobId);
  if (!job) throw notFound(JOB);
  assertCanSee(auth, job);
  const rows = await repo.findJobEvents(db, jobId);
  return rows.map((r) => presentJobEvent(r.event, r.actorName));
}

/**
 * Lists jobs the caller may see with the filters of {@link ListJobsQuery}, paged. Open
 * lists (`open=true`) come most urgent first (priority, then due date); others newest first.
 */
export async function listJobs(
  db: Db,
  auth: AuthContext,
  query: ListJobsQuery & { sort?: 'urgent' | 'recent' },
): Promise<JobList> {
  const clock = await clockFor(db);
  let unitIds: string[] | undefined;
  if (query.unitId) {
    assertCan(auth, 'jobs.list', { unitId: query.unitId });
    unitIds = await findUnitSubtreeIds(db, query.unitId);
  }
  const { views, total } = await findJobPage(db, {
    scope: jobListScope(auth),
    filter: { ...query, unitIds },
    clock,
    sort: query.sort ?? (query.open ? 'urgent' : 'recent'),
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: views.map((v) => presentJob(v, clock, auth)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The overdue list ("Quá hạn chưa xong", `isOverdueOpen` in shared/src/overdue.ts): open
 * jobs past their due date or their postal leg's limit, most overdue first, each with who
 * holds it (`courier`) and since when (`assignedAt`, `statusChangedAt`). Jobs merely due
 * soon are red on the board but not overdue, so they are not here.
 */
export async function listLateJobs(
  db: Db,
  auth: AuthContext,
  opts: { unitId?: string | undefined } = {},
): Promise<Job[]> {
  const r = await listJobs(db, auth, {
    late: true,
    open: true,
    unitId: opts.unitId,
    page: 1,
    pageSize: 500,
    sort: 'urgent',
  });
  return r.items.sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || b.priority - a.priority,
  );
}

/**
 * Overdue jobs of the units (already checked by the caller) at `now`, by the same rule as
 * the dispatcher's overdue list: at most `limit` of them, and how many there are in all.
 */
export function listOverdueJobs(db: DbOrTx, unitIds: readonly string[], now: Date, limit = 100) {
  return findOverdueJobs(db, unitIds, toVnDate(now), limit);
}

/** Most jobs a catch-up answer carries; beyond that the client refetches its lists. */
export const SYNC_LIMIT = 200;

/** Realtime catch-up: the jobs the caller may see that changed after event id `since`, as they are now. */
export async function syncJobs(
  db: Db,
  auth: AuthContext,
  since: number,
): Promise<{ cursor: number; jobs: Job[]; truncated: boolean }> {
  const latest = await repo.latestJobEventId(db);
  if (since >= latest) return { cursor: latest, jobs: [], truncated: false };
  const changed = await findJobIdsChangedInScope(db, since, jobListScope(auth), SYNC_LIMIT);
  const truncated = changed.length > SYNC_LIMIT;
  const ids = changed.slice(0, SYNC_LIMIT).map((r) => r.jobId);
  const clock = await clockFor(db);
  const views = await repo.findJobViewsByIds(db, ids);
  const cursor = truncated ? changed[SYNC_LIMIT - 1]!.maxId : latest;
  return { cursor, jobs: views.map((v) => presentJob(v, clock)), truncated };
}

/** The catch-up cursor right now. */
export function currentJobCursor(db: Db): Promise<number> {
  return repo.latestJobEventId(db);
}
