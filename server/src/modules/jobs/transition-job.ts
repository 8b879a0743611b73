import {
  checkTransition,
  PACKAGE_TAKEN_STATUSES,
  parseDossierCode,
  postalLegDueDate,
  toVnDate,
  type Job,
  type JobEvent,
  type JobStatus,
  type JobType,
  type PostalLegTier,
  type TransitionJobInput,
} from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { actionTimeFrom } from '../../lib/action-time';
import { notFound, unprocessable, validationFailed } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { assertCan } from '../../policies';
import { jobHiddenFrom } from '../../policies/jobs.policy';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { assertActionTime } from '../couriers/courier-actions';
import { getSetting } from '../settings/settings.service';
import { checkCourierStep } from './courier-step-checks';
import { clockFor } from './job-board';
import { transitionNotAllowed, transitionReasonRequired, versionConflict } from './job-errors';
import { JOB, jobViewOrThrow, recordJobEvent } from './job-events';
import { runJobHooks } from './job-hooks';
import type { JobWriteOptions } from './create-job';
import { presentJob, presentJobEvent } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';

export type TransitionResult = { job: Job; event: JobEvent; replayed: boolean };

/** The state machine's answer, plus the engine's own rules (assignment goes through `assignJob`). */
function assertAllowed(job: JobRow, to: JobStatus, reason: string | null): void {
  const from = job.status as JobStatus;
  const check = checkTransition(job.type as JobType, from, to, {
    reason,
    heldFrom: (job.heldFrom as JobStatus | null) ?? null,
  });
  if (!check.ok) {
    if (check.code === 'job_transition_reason_required')
      throw transitionReasonRequired(from, to, check.message);
    throw transitionNotAllowed(job, to);
  }
  if (from === 'new' && to === 'assigned') {
    throw transitionNotAllowed(job, to, {
      vi: 'Hãy dùng chức năng phân công để chọn bưu tá.',
      en: 'Use assignment to pick a courier.',
    });
  }
  if (to === 'assigned' && !job.courierId) {
    throw unprocessable('job_has_no_courier', {
      vi: `Việc ${job.code} chưa có bưu tá; hãy phân công một bưu tá.`,
      en: `Job ${job.code} has no courier; assign one.`,
    });
  }
}

/** What the move changes on the job row: status, attempts, completion, the postal leg, the dossier code. */
async function patchFor(
  tx: Tx,
  job: JobRow,
  input: TransitionJobInput,
  at: { now: Date; occurredAt: Date },
): Promise<Partial<repo.NewJobRow>> {
  const to = input.to;
  const patch: Partial<repo.NewJobRow> = {
    status: to,
    statusChangedAt: at.now,
    heldFrom: to === 'on_hold' ? job.status : null,
  };
  if (to === 'on_site') patch.attemptCount = job.attemptCount + 1;
  if (to === 'completed') patch.completedAt = at.occurredAt;
  // The courier has the package: the slip is dated today (J) and the postal leg runs.
  if (PACKAGE_TAKEN_STATUSES.includes(to) && !job.legDueDate) {
    patch.legDueDate = postalLegDueDate(
      await loadWorkingCalendar(tx),
      toVnDate(at.occurredAt),
      await getSetting(tx, 'postal_leg_days'),
      job.postalLegTier as PostalLegTier,
      job.type as JobType,
    );
  }
  if (to === 'new') Object.assign(patch, { courierId: null, assignedAt: null, routeOrder: null });
  const code = input.data?.['dossierCode'];
  if (to === 'submitted' && typeof code === 'string') {
    const parsed = parseDossierCode(code.trim().toUpperCase());
    if (!parsed.ok) {
      throw validationFailed({
        'data.dossierCode': {
          vi: 'Mã hồ sơ không hợp lệ (ví dụ H48.19.10-260315-0042)',
          en: 'Invalid dossier code (e.g. H48.19.10-260315-0042)',
        },
      });
    }
    patch.dossierCode = parsed.code;
  }
  return patch;
}

/**
 * Moves a job to another status, only as the shared state machine allows
 * (`checkTransition`): 409 `job_transition_not_allowed` naming the current state; 422
 * `job_transition_reason_required` when a reason is needed; couriers move only their own
 * jobs (another courier's job answers 404). The phone's time follows the one rule of
 * `lib/action-time.ts`: 422 `occurred_at_in_future`, `occurred_at_before_job` or
 * `occurred_at_too_old`. Optimistic concurrency: of two people moving the same job at
 * once exactly one wins, the other gets 409 `job_version_conflict` (also when
 * `expectedVersion` is stale). The event (actor, occurred/recorded time, position, reason)
 * is written in the same transaction; `transitioned` hooks run in it. With
 * `idempotencyKey` a retry with the same key replays the first answer and does nothing twice.
 */
export async function transitionJob(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: TransitionJobInput,
  opts: JobWriteOptions & { idempotencyKey?: string | undefined },
): Promise<TransitionResult> {
  const now = new Date();
  const occurredAt = actionTimeFrom(input.occurredAt, now);
  const work = async (tx: Tx): Promise<{ job: Job; event: JobEvent }> => {
    const job = await repo.findJobById(tx, jobId);
    if (!job || jobHiddenFrom(auth, job)) throw notFound(JOB);
    const to = input.to;
    assertCan(auth, 'jobs.transition', { ...job, to });
    if (input.expectedVersion !== undefined && input.expectedVersion !== job.version)
      throw versionConflict(job);
    assertAllowed(job, to, input.reason ?? null);
    await assertActionTime(tx, { at: occurredAt, now }, job);
    const step = checkCourierStep(job, input, occurredAt);
    const patch = await patchFor(tx, job, input, { now, occurredAt });
    const updated = await repo.updateJobIfVersion(tx, job.id, job.version, patch);
    if (!updated) throw versionConflict((await repo.findJobById(tx, job.id)) ?? job);
    const ev = await recordJobEvent(
      tx,
      {
        jobId: job.id,
        kind: 'transition',
        fromStatus: job.status,
        toStatus: to,
        reason: [input.reason?.trim(), ...step.reasons].filter(Boolean).join(' · ') || null,
        actorId: auth.user.id,
        occurredAt,
        recordedAt: now,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        data: input.data || step.reasons.length ? { ...input.data, ...step.data } : null,
      },
      { previousCourierId: to === 'new' ? job.courierId : null },
    );
    await runJobHooks(opts.hooks, 'transitioned', tx, updated, ev, auth);
    const view = await jobViewOrThrow(tx, job.id);
    return {
      job: presentJob(view, await clockFor(tx), auth),
      event: presentJobEvent(ev, auth.user.fullName),
    };
  };

  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `job-transition:${jobId}`,
      request: input,
      tx: opts.tx,
    },
    work,
  );
  return { ...r.body, replayed: r.replayed };
}
