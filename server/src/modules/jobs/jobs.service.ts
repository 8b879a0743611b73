/**
 * The job engine's public face: other modules (calls, handovers, plans, couriers, realtime,
 * …) call these functions and never the repository. Each verb lives in its own file.
 */
import type { Job } from '@tannha/shared';
import type { DbOrTx, Tx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { SETTINGS } from '../settings/settings.service';
import { clockFor } from './job-board';
import { jobViewOrThrow } from './job-events';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';

export { createJob, type JobWriteOptions } from './create-job';
export { transitionJob, type TransitionResult } from './transition-job';
export { assignJob, assignJobs, REASSIGNABLE } from './assign-job';
export { locateJob, listUnplacedJobs } from './locate-job';
export { claimJob } from './claim-job';
export {
  currentJobCursor,
  getJob,
  getJobTimeline,
  listJobs,
  listLateJobs,
  listOverdueJobs,
  SYNC_LIMIT,
  syncJobs,
} from './list-jobs';
export { recordJobEvent } from './job-events';
export {
  createImportedJobs,
  findLiveResultsByDossiers,
  updateImportedJob,
  type ImportedJobInput,
  type ImportedJobsOptions,
} from './import-jobs';
export { createJobHooks, runJobHooks, type JobHook, type JobHooks } from './job-hooks';
export { boardClock, clockFor, type BoardClock } from './job-board';
export { presentJob } from './jobs.presenter';
export type { JobEventRow, JobRow, JobView } from './jobs.repository';

/** Working days from receipt to the due date when the admin has not set `job_due_working_days`. */
export const DEFAULT_DUE_WORKING_DAYS = SETTINGS.job_due_working_days.fallback;

/** A job as the API shows it to `auth` (after a write that returned the row). */
export async function presentJobById(db: DbOrTx, auth: AuthContext, id: string): Promise<Job> {
  return presentJob(await jobViewOrThrow(db, id), await clockFor(db), auth);
}

/** The job row, or undefined (no access check: the caller asserts its own ability on it). */
export function findJob(db: DbOrTx, id: string): Promise<repo.JobRow | undefined> {
  return repo.findJobById(db, id);
}

/** Open jobs per courier. */
export function countOpenJobsByCourier(db: DbOrTx, courierIds: string[]) {
  return repo.countOpenJobsByCourier(db, courierIds);
}

/** A courier's open jobs, by code. */
export function findOpenJobsOfCourier(db: DbOrTx, courierId: string) {
  return repo.findOpenJobsOfCourier(db, courierId);
}

/** Each job's version, status, courier and stop number (the planner's staleness check). */
export function findJobRouteStates(db: DbOrTx, ids: string[]) {
  return repo.findJobRouteStates(db, ids);
}

/** Sets (or clears) a job's stop number on its courier's route; bumps its version. */
export function setJobRouteOrder(tx: Tx, id: string, routeOrder: number | null): Promise<void> {
  return repo.setJobRouteOrder(tx, id, routeOrder);
}

/** Advances the gapless daily job-code counter (bulk loads such as demo data). */
export function nextJobSequence(tx: Tx, prefix: string): Promise<number> {
  return repo.nextJobSequence(tx, prefix);
}
