import type { AssignJobInput, BulkAssignJobsInput, Job, JobStatus } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { findUnitSubtreeIds } from '../units/units.service';
import { clockFor } from './job-board';
import { assignReasonRequired, versionConflict } from './job-errors';
import { JOB, jobViewOrThrow, recordJobEvent } from './job-events';
import { runJobHooks } from './job-hooks';
import { statusLabel } from './job-labels';
import type { JobWriteOptions } from './create-job';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';

/** Statuses from which a job can be (re)assigned or unassigned: the courier has not taken anything yet. */
export const REASSIGNABLE: readonly string[] = ['new', 'assigned', 'accepted', 'failed_attempt'];

/** The new courier must be an active courier of the job's unit or a unit below it. */
async function assertCourierFits(tx: Tx, job: JobRow, courierId: string): Promise<void> {
  const courier = await repo.findUserBrief(tx, courierId);
  if (!courier || courier.role !== 'courier') {
    throw unprocessable(
      'courier_not_found',
      { vi: 'Người được chọn không phải là bưu tá.', en: 'The selected person is not a courier.' },
      { courierId: { vi: 'Không phải bưu tá', en: 'Not a courier' } },
    );
  }
  if (courier.disabled) {
    throw unprocessable(
      'courier_inactive',
      {
        vi: `Tài khoản của bưu tá ${courier.fullName} đã bị khóa; hãy chọn bưu tá khác.`,
        en: `Courier ${courier.fullName}'s account is disabled; pick another courier.`,
      },
      { courierId: { vi: 'Bưu tá không hoạt động', en: 'Courier inactive' } },
    );
  }
  const allowedUnits = await findUnitSubtreeIds(tx, job.unitId);
  if (!allowedUnits.includes(courier.unitId)) {
    throw unprocessable(
      'courier_not_in_unit',
      {
        vi: `Bưu tá ${courier.fullName} không thuộc đơn vị của việc ${job.code}; chỉ phân công cho bưu tá của đơn vị này hoặc đơn vị trực thuộc.`,
        en: `Courier ${courier.fullName} is not in the unit of job ${job.code}; assign a courier of that unit or a unit below it.`,
      },
      { courierId: { vi: 'Bưu tá khác đơn vị', en: 'Courier of another unit' } },
    );
  }
}

/** The kind of change and the status it leads to; refuses a job whose courier already holds the papers. */
async function planChange(
  tx: Tx,
  job: JobRow,
  input: AssignJobInput,
  reason: string | null,
): Promise<{ kind: 'assign' | 'reassign' | 'unassign'; toStatus: JobStatus }> {
  const effective = (job.status === 'on_hold' ? job.heldFrom : null) ?? job.status;
  if (!REASSIGNABLE.includes(effective)) {
    throw conflict(
      'job_reassign_not_allowed',
      {
        vi: `Không thể đổi bưu tá cho việc ${job.code} (trạng thái hiện tại: ${statusLabel(job.status).vi}): bưu tá đã nhận hồ sơ/kết quả. Hãy để bưu tá hoàn tất hoặc tạm dừng việc.`,
        en: `Cannot change the courier of job ${job.code} (current state: ${job.status}): the courier already holds the papers. Let them finish or put the job on hold.`,
      },
      { currentStatus: job.status },
    );
  }
  if (input.courierId === null) {
    if (!reason) throw assignReasonRequired({ vi: 'bỏ phân công', en: 'unassign a job' });
    return { kind: 'unassign', toStatus: 'new' };
  }
  await assertCourierFits(tx, job, input.courierId);
  if (!job.courierId) return { kind: 'assign', toStatus: 'assigned' };
  if (!reason)
    throw assignReasonRequired({ vi: 'chuyển việc cho bưu tá khác', en: 'reassign a job' });
  return { kind: 'reassign', toStatus: 'assigned' };
}

/**
 * Assigns a job to a courier, reassigns it, or unassigns it (`courierId: null`), by a
 * dispatcher, manager or admin of the job's unit. The courier must be an active courier
 * of the job's unit or a unit below it. Reassigning and unassigning need a reason. A job
 * can change hands only before the courier has taken anything (new, assigned, accepted, a
 * failed attempt, or on hold from those); a reassigned job goes back to `assigned` so the
 * new courier accepts it. Assigning to the courier who already has it changes nothing.
 */
export async function assignJob(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: AssignJobInput,
  opts: JobWriteOptions,
): Promise<Job> {
  assertCan(auth, 'jobs.assign');
  return runTransaction(
    db,
    async (tx) => {
      const job = await repo.findJobById(tx, jobId);
      if (!job) throw notFound(JOB);
      assertCan(auth, 'jobs.assign', job);
      const clock = await clockFor(tx);
      if (job.courierId === input.courierId)
        return presentJob(await jobViewOrThrow(tx, job.id), clock, auth);
      const reason = input.reason?.trim() || null;
      const { kind, toStatus } = await planChange(tx, job, input, reason);
      const now = new Date();
      const patch: Partial<repo.NewJobRow> = {
        courierId: input.courierId,
        assignedAt: input.courierId ? now : null,
        routeOrder: null,
      };
      if (job.status === 'on_hold') patch.heldFrom = toStatus;
      else if (job.status !== toStatus)
        Object.assign(patch, { status: toStatus, statusChangedAt: now });
      const updated = await repo.updateJobIfVersion(tx, job.id, job.version, patch);
      if (!updated) throw versionConflict((await repo.findJobById(tx, job.id)) ?? job);
      await recordJobEvent(
        tx,
        {
          jobId: job.id,
          kind,
          fromStatus: job.status,
          toStatus: updated.status,
          reason,
          actorId: auth.user.id,
          occurredAt: now,
          recordedAt: now,
          data: { courierId: input.courierId, previousCourierId: job.courierId },
        },
        { previousCourierId: job.courierId },
      );
      await runJobHooks(opts.hooks, 'assigned', tx, updated, auth);
      return presentJob(await jobViewOrThrow(tx, job.id), clock, auth);
    },
    opts.tx,
  );
}

/** Assigns several jobs to one courier (or unassigns them), all or nothing; an error names the job it is about. */
export async function assignJobs(
  db: Db,
  auth: AuthContext,
  input: BulkAssignJobsInput,
  opts: JobWriteOptions,
): Promise<Job[]> {
  return runTransaction(
    db,
    async (tx) => {
      const out: Job[] = [];
      for (const id of [...new Set(input.jobIds)]) {
        try {
          out.push(
            await assignJob(
              db,
              auth,
              id,
              { courierId: input.courierId, reason: input.reason },
              { hooks: opts.hooks, tx },
            ),
          );
        } catch (err) {
          if (err instanceof AppError && err.status !== 403) {
            const job = await repo.findJobById(tx, id);
            const label = job ? job.code : id;
            throw new AppError(
              err.status,
              err.code,
              { vi: `Việc ${label}: ${err.text.vi}`, en: `Job ${label}: ${err.text.en}` },
              { fields: err.fields, extra: { ...err.extra, jobId: id } },
            );
          }
          throw err;
        }
      }
      return out;
    },
    opts.tx,
  );
}
