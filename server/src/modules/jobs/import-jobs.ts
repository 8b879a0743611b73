import { dueDate as computeDueDate, toVnDate, type JobsUpdatedPayload } from '@tannha/shared';
import type { DbOrTx, Tx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { logger } from '../../lib/logger';
import { afterCommit, databaseOf } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { jobRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { getSetting } from '../settings/settings.service';
import { clockFor } from './job-board';
import { runJobHooks, type JobHooks } from './job-hooks';
import { recordJobEvent } from './job-events';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobRow, NewJobRow } from './jobs.repository';

/** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters for a job's columns. */
const INSERT_CHUNK = 500;

/** What a bulk intake gives for each new job; the engine fills code, status, dates and due date. */
export type ImportedJobInput = Omit<
  NewJobRow,
  'id' | 'code' | 'status' | 'dueDate' | 'createdAt' | 'updatedAt' | 'statusChangedAt' | 'createdBy'
>;

/** Options of {@link createImportedJobs}. */
export type ImportedJobsOptions = {
  /** The app's job hooks: `created` runs for each new job inside the transaction. */
  hooks: JobHooks;
  /** Who the hooks see as the actor (the importing user, or the intake key's stand-in). */
  auth: AuthContext;
  /** The user recorded as creator (null for an API key). */
  actorId: string | null;
  /** Called after each chunk is written (progress of a large intake). */
  onProgress?: ((done: number) => void) | undefined;
};

/**
 * Creates many jobs in one transaction (a results intake): the codes come from the same gapless
 * daily counter as {@link createJob} (reserved for the whole batch at once), the due date is
 * computed as `createJob` does, each job gets its `created` event and `created` hooks, and
 * `jobs.updated` goes out for each after commit. Inserts in chunks, not row by row.
 */
export async function createImportedJobs(
  tx: Tx,
  inputs: ImportedJobInput[],
  opts: ImportedJobsOptions,
): Promise<JobRow[]> {
  if (inputs.length === 0) return [];
  const now = new Date();
  const cal = await loadWorkingCalendar(tx);
  const days = await getSetting(tx, 'job_due_working_days');
  const due = computeDueDate(cal, now, Math.max(0, Math.round(days)));
  const prefix = `TN${toVnDate(now).slice(2).replace(/-/g, '')}`;
  const first = await repo.reserveJobSequence(tx, prefix, inputs.length);
  const created: JobRow[] = [];
  const events: { jobId: string; eventId: number }[] = [];
  for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
    const chunk = inputs.slice(start, start + INSERT_CHUNK).map((input, i): NewJobRow => ({
      ...input,
      code: `${prefix}${String(first + start + i).padStart(4, '0')}`,
      status: 'new',
      dueDate: due,
      createdBy: opts.actorId,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
    }));
    const rows = await repo.insertJobs(tx, chunk);
    const evs = await repo.insertJobEvents(
      tx,
      rows.map((row) => ({
        jobId: row.id,
        kind: 'created',
        toStatus: 'new',
        actorId: opts.actorId,
        occurredAt: now,
        recordedAt: now,
        data: row.importId ? { importId: row.importId } : null,
      })),
    );
    for (const ev of evs) events.push({ jobId: ev.jobId, eventId: ev.id });
    for (const row of rows) await runJobHooks(opts.hooks, 'created', tx, row, opts.auth);
    created.push(...rows);
    opts.onProgress?.(created.length);
  }
  const db = databaseOf(tx);
  afterCommit(tx, () => {
    publishCreated(db, events).catch((err: unknown) =>
      logger.warn({ err }, 'jobs.updated after an intake could not be sent'),
    );
  });
  return created;
}

/** Tells every watcher of each new job (its unit and the units above) that it exists. */
async function publishCreated(db: DbOrTx, events: { jobId: string; eventId: number }[]) {
  const clock = await clockFor(db);
  const chains = new Map<string, string[]>();
  for (let start = 0; start < events.length; start += INSERT_CHUNK) {
    const chunk = events.slice(start, start + INSERT_CHUNK);
    const cursor = new Map(chunk.map((e) => [e.jobId, e.eventId]));
    const views = await repo.findJobViewsByIds(
      db,
      chunk.map((e) => e.jobId),
    );
    for (const view of views) {
      const unitId = view.job.unitId;
      let chain = chains.get(unitId);
      if (!chain) {
        chain = await unitAndAncestors(db, unitId);
        chains.set(unitId, chain);
      }
      const payload: JobsUpdatedPayload = {
        cursor: cursor.get(view.job.id) ?? 0,
        kind: 'created',
        job: presentJob(view, clock),
        previousCourierId: null,
      };
      publish({
        rooms: jobRooms(chain, [view.job.courierId]),
        event: 'jobs.updated',
        payload,
        scope: { ability: 'jobs.read', record: { unitId, courierId: view.job.courierId } },
      });
    }
  }
}

/**
 * Changes an imported result job that is not picked up yet (a newer export of the same
 * dossier): writes the fields, bumps the version and records a `note` event naming the
 * changed fields. Returns undefined when the job moved on meanwhile.
 */
export async function updateImportedJob(
  tx: Tx,
  job: JobRow,
  patch: Partial<NewJobRow>,
  opts: { actorId: string | null; changes: string[]; importId: string | null },
): Promise<JobRow | undefined> {
  const row = await repo.updateJobIfVersion(tx, job.id, job.version, patch);
  if (!row) return undefined;
  const now = new Date();
  await recordJobEvent(tx, {
    jobId: row.id,
    kind: 'note',
    actorId: opts.actorId,
    occurredAt: now,
    recordedAt: now,
    reason: `Cập nhật từ hệ thống một cửa: ${opts.changes.join(', ')}`,
    data: { importId: opts.importId, changes: opts.changes },
  });
  return row;
}

/** The live result deliveries of these dossier codes, with the citizen's phone. */
export async function findLiveResultsByDossiers(db: DbOrTx, dossierCodes: string[]) {
  const out: Awaited<ReturnType<typeof repo.findLiveResultsByDossiers>> = [];
  for (let start = 0; start < dossierCodes.length; start += 1000) {
    out.push(
      ...(await repo.findLiveResultsByDossiers(db, dossierCodes.slice(start, start + 1000))),
    );
  }
  return out;
}
