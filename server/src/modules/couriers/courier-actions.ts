import type { Db, DbOrTx, Tx } from '../../db/client';
import { actionTimeFrom, assertActionTimeWithin } from '../../lib/action-time';
import { AppError, notFound, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { assertCan, type Ability, type RecordOf } from '../../policies';
import { getSetting } from '../settings/settings.service';
import { findJobForAction, type JobRecord } from './courier-actions.repository';

export type { JobRecord };

/** Abilities checked on a job row (own job for a courier, the unit's jobs for the office). */
export type JobAbility = {
  [A in Ability]: JobRecord extends RecordOf<A> ? A : never;
}[Ability];

const JOB = { vi: 'Việc', en: 'Job' };

/** The job an action is about, as stored; 404 when there is none. */
export async function getActionJob(
  db: DbOrTx,
  jobId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JobRecord> {
  const job = await findJobForAction(db, jobId, opts);
  if (!job) throw notFound(JOB);
  return job;
}

/**
 * Loads a job for a courier-side action (money, documents, handovers) and asserts the
 * ability on it: 404 when there is no such job, 403 when the caller may not act on it.
 */
export async function loadJobForAction(
  db: DbOrTx,
  auth: AuthContext,
  can: JobAbility,
  jobId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JobRecord> {
  const job = await getActionJob(db, jobId, opts);
  assertCan(auth, can, job);
  return job;
}

/** 409 when the job is in a state where the action makes no sense. */
export function assertJobStatus(
  job: JobRecord,
  allowed: readonly string[],
  action: LocalizedText,
): void {
  if (!allowed.includes(job.status)) {
    throw new AppError(
      409,
      'job_state_not_allowed',
      {
        vi: `Không thể ${action.vi} khi việc đang ở trạng thái '${job.status}'.`,
        en: `Cannot ${action.en} while the job is '${job.status}'.`,
      },
      { extra: { status: job.status } },
    );
  }
}

/** 409 when the action belongs to another type of job. */
export function assertJobType(job: JobRecord, type: string, what: LocalizedText): void {
  if (job.type !== type) {
    throw new AppError(409, 'job_type_mismatch', {
      vi: `${what.vi} chỉ dùng cho loại việc ${type}.`,
      en: `${what.en} applies to ${type} jobs only.`,
    });
  }
}

/** What an action on one job needs of it. */
export type JobActionCheck = {
  /** The ability asserted on the locked row (role, and own job or unit). */
  can: JobAbility;
  /** Statuses in which the action makes sense; otherwise 409 `job_state_not_allowed`. */
  statuses?: readonly string[] | undefined;
  /** The action as the 409 names it ("thu tiền" / "collect money"). */
  action: LocalizedText;
  /** The one job type the action applies to, and its name for the 409 `job_type_mismatch`. */
  jobType?: { type: string; what: LocalizedText } | undefined;
};

/**
 * Locks one job inside the caller's transaction and checks it for the action: ability, then
 * type, then status. For actions over several jobs (the agency handover record).
 */
export async function openJobForAction(
  tx: Tx,
  auth: AuthContext,
  jobId: string,
  check: JobActionCheck,
): Promise<JobRecord> {
  const job = await loadJobForAction(tx, auth, check.can, jobId, { forUpdate: true });
  if (check.jobType) assertJobType(job, check.jobType.type, check.jobType.what);
  if (check.statuses) assertJobStatus(job, check.statuses, check.action);
  return job;
}

/**
 * The one rule for the time a phone says an action on a job happened, once the job is loaded:
 * not before the job was created, not older than the offline window (`offline_window_hours`).
 * The future was refused earlier by `actionTimeFrom`. A time the server chose (`at` is `now`)
 * passes without reading the setting.
 */
export async function assertActionTime(
  db: DbOrTx,
  clock: ActionClock,
  job: { createdAt: Date },
): Promise<void> {
  if (clock.at === clock.now) return;
  const offlineWindowHours = await getSetting(db, 'offline_window_hours');
  assertActionTimeWithin(clock.at, clock.now, { jobCreatedAt: job.createdAt, offlineWindowHours });
}

/** A courier action: what the job must allow, when it happened, how a retry is recognised. */
export type CourierActionSpec = JobActionCheck & {
  /**
   * The time the phone reports (`occurredAt`); absent: now. Refused (422) when in the future,
   * before the job was created or older than the offline window (`assertActionTime`).
   */
  occurredAt: string | undefined;
  /** The client's `Idempotency-Key`, what it is for, and the request it stands for. */
  idempotency: { key: string | undefined; scope: string; request: unknown };
};

/** When the action happened (`at`, from the phone) and when the server records it (`now`). */
export type ActionClock = { at: Date; now: Date };

/**
 * The opening every courier action shares: the action time is checked against the clock,
 * then — once per idempotency key, in one transaction — the job is locked and checked
 * (ability, type, status, the action time against the job and the offline window) and `work`
 * runs on it. A retry with the same key replays the first answer without running `work`
 * again, even once the offline window has passed.
 */
export async function runCourierAction<T>(
  db: Db,
  auth: AuthContext,
  jobId: string,
  spec: CourierActionSpec,
  work: (tx: Tx, job: JobRecord, clock: ActionClock) => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  const now = new Date();
  const at = actionTimeFrom(spec.occurredAt, now);
  return withIdempotentBody(db, { userId: auth.user.id, ...spec.idempotency }, async (tx) => {
    const job = await openJobForAction(tx, auth, jobId, spec);
    await assertActionTime(tx, { at, now }, job);
    return work(tx, job, { at, now });
  });
}

/** Options of a courier action's service function. */
export type ActionOptions = {
  /** The client's `Idempotency-Key`: a retry with the same key replays the first answer. */
  idempotencyKey?: string | undefined;
};
