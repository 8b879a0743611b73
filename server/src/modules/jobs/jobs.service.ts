import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  checkTransition,
  dueDate as computeDueDate,
  foldVietnamese,
  parseDossierCode,
  TERMINAL_STATUSES,
  PACKAGE_TAKEN_STATUSES,
  postalLegDueDate,
  toVnDate,
  vnStartOfDay,
  addDays,
  type CreateJobInput,
  type Job,
  type JobEvent,
  type JobList,
  type JobStatus,
  type JobType,
  type PostalLegTier,
  type ListJobsQuery,
  type TransitionJobInput,
  type AssignJobInput,
  type BulkAssignJobsInput,
  type JobsUpdatedPayload,
} from '@tannha/shared';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { citizens, jobs } from '../../db/schema';
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  unprocessable,
  validationFailed,
  type LocalizedText,
} from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { jobRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { assertUnitInScope } from '../units/units.service';
import { findUnitSubtreeIds } from '../units/units.repository';
import { boardClock, boardSql, lateSql, type BoardClock } from './job-board';
import { runJobHooks } from './job-hooks';
import { statusLabel } from './job-labels';
import { presentJob, presentJobEvent } from './jobs.presenter';
import * as repo from './jobs.repository';
import type { JobEventRow, JobRow, JobView } from './jobs.repository';

/** Working days from receipt to the due date when the admin has not set `job_due_working_days`. */
export const DEFAULT_DUE_WORKING_DAYS = 2;
/** A phone's clock may run this far ahead of the server's before `occurredAt` counts as "in the future". */
const CLOCK_SKEW_MS = 2 * 60_000;

const JOB = { vi: 'Việc', en: 'Job' };
const CREATOR_ROLES = ['operator', 'dispatcher', 'manager', 'admin'];
const ASSIGNER_ROLES = ['dispatcher', 'manager', 'admin'];
/** Statuses from which a job can be (re)assigned or unassigned: the courier has not taken anything yet. */
const REASSIGNABLE: readonly string[] = ['new', 'assigned', 'accepted', 'failed_attempt'];

/** Options every write takes. */
export type WriteOptions = {
  /** Run inside this transaction (it must come from `runTransaction`); events go out after it commits. */
  tx?: Tx;
};

/** The board clock needs the holiday calendar: one small query per request. */
async function clockFor(db: DbOrTx): Promise<BoardClock> {
  return boardClock(await repo.loadWorkingCalendar(db));
}

async function viewOrThrow(db: DbOrTx, id: string): Promise<JobView> {
  const v = await repo.findJobViewById(db, id);
  if (!v) throw notFound(JOB);
  return v;
}

/** Sends `jobs.updated` after the transaction commits (masked phone: sockets broadcast to many). */
async function scheduleJobUpdated(
  tx: Tx,
  jobId: string,
  kind: string,
  cursor: number,
  previousCourierId?: string | null,
) {
  const view = await viewOrThrow(tx, jobId);
  const clock = await clockFor(tx);
  const chain = await unitAndAncestors(tx, view.job.unitId);
  const payload: JobsUpdatedPayload = {
    cursor,
    kind,
    job: presentJob(view, clock),
    previousCourierId: previousCourierId ?? null,
  };
  const rooms = jobRooms(chain, [view.job.courierId, previousCourierId]);
  afterCommit(tx, () => publish({ rooms, event: 'jobs.updated', payload }));
}

/** Who may look at a job: its courier, or office staff of its unit or above. 404 for other couriers (not even its existence leaks). */
function assertCanSee(auth: AuthContext, job: JobRow): void {
  if (auth.user.role === 'courier') {
    if (job.courierId !== auth.user.id) throw notFound(JOB);
    return;
  }
  assertUnitInScope(auth, job.unitId);
}

/**
 * Creates a job (operators, dispatchers, managers, admins of the unit). Refuses a
 * procedure that must be done in person (422 `procedure_in_person_only`); fees default
 * from the procedure; the due date is `job_due_working_days` working days (default 2)
 * from now, counted from the next working day after 15:00; the code is `TN` + yymmdd +
 * a gapless 4-digit daily number. Runs the `created` hooks in the transaction and
 * publishes `jobs.updated` after commit.
 */
export async function createJob(
  db: Db,
  auth: AuthContext,
  input: CreateJobInput,
  opts: WriteOptions = {},
): Promise<JobRow> {
  if (!CREATOR_ROLES.includes(auth.user.role)) throw forbidden();
  assertUnitInScope(auth, input.unitId);
  return runTransaction(
    db,
    async (tx) => {
      if (!(await repo.findCitizenBrief(tx, input.citizenId))) {
        throw unprocessable(
          'citizen_not_found',
          {
            vi: 'Không tìm thấy công dân này. Hãy chọn lại công dân từ danh bạ.',
            en: 'Citizen not found. Pick the citizen again from the directory.',
          },
          { citizenId: { vi: 'Công dân không tồn tại', en: 'Citizen does not exist' } },
        );
      }
      let feeDue = input.feeDueVnd ?? 0;
      let postal = input.postalChargeVnd ?? 0;
      if (input.procedureId) {
        const proc = await repo.findProcedureBrief(tx, input.procedureId);
        if (!proc || !proc.active) {
          throw unprocessable(
            'procedure_not_found',
            {
              vi: 'Thủ tục không tồn tại hoặc đã ngừng áp dụng.',
              en: 'The procedure does not exist or is no longer offered.',
            },
            { procedureId: { vi: 'Thủ tục không hợp lệ', en: 'Invalid procedure' } },
          );
        }
        if (proc.inPersonOnly) {
          throw unprocessable(
            'procedure_in_person_only',
            {
              vi: `Thủ tục “${proc.name}” yêu cầu công dân trực tiếp đến cơ quan, không thể tiếp nhận hoặc trả kết quả qua bưu chính. Hãy hướng dẫn công dân đến bộ phận một cửa.`,
              en: `The procedure “${proc.name}” must be done in person at the agency and cannot go by post. Direct the citizen to the one-stop counter.`,
            },
            { procedureId: { vi: 'Thủ tục phải làm trực tiếp', en: 'In-person procedure' } },
          );
        }
        feeDue = input.feeDueVnd ?? proc.feeVnd;
        postal = input.postalChargeVnd ?? proc.postalChargeVnd;
      }
      const now = new Date();
      const cal = await repo.loadWorkingCalendar(tx);
      const days = await repo.readNumberSetting(
        tx,
        'job_due_working_days',
        DEFAULT_DUE_WORKING_DAYS,
      );
      const due = computeDueDate(cal, now, Math.max(0, Math.round(days)));
      const prefix = `TN${toVnDate(now).slice(2).replace(/-/g, '')}`;
      const seq = await repo.nextJobSequence(tx, prefix);
      const row = await repo.insertJob(tx, {
        code: `${prefix}${String(seq).padStart(4, '0')}`,
        type: input.type,
        status: 'new',
        unitId: input.unitId,
        citizenId: input.citizenId,
        procedureId: input.procedureId ?? null,
        dossierCode: input.dossierCode ?? null,
        addressText: input.addressText,
        wardCode: input.wardCode ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        windowStart: input.windowStart ? new Date(input.windowStart) : null,
        windowEnd: input.windowEnd ? new Date(input.windowEnd) : null,
        dueDate: due,
        postalLegTier: input.postalLegTier ?? 'province',
        priority: input.priority ?? 0,
        feeDueVnd: feeDue,
        postalChargeVnd: postal,
        notes: input.notes ?? null,
        callId: input.callId ?? null,
        createdBy: auth.user.id,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
      });
      const ev = await repo.insertJobEvent(tx, {
        jobId: row.id,
        kind: 'created',
        toStatus: 'new',
        actorId: auth.user.id,
        occurredAt: now,
        recordedAt: now,
        data: input.callId ? { callId: input.callId } : null,
      });
      await runJobHooks('created', tx, row, auth);
      await scheduleJobUpdated(tx, row.id, 'created', ev.id);
      return row;
    },
    opts.tx,
  );
}

function transitionNotAllowed(job: JobRow, to: JobStatus, allowedHint?: LocalizedText): AppError {
  const from = statusLabel(job.status);
  const target = statusLabel(to);
  return new AppError(
    409,
    'job_transition_not_allowed',
    {
      vi: `Không thể chuyển việc ${job.code} từ “${from.vi}” sang “${target.vi}” (trạng thái hiện tại: ${from.vi}).${allowedHint ? ' ' + allowedHint.vi : ''}`,
      en: `Cannot move job ${job.code} from '${job.status}' to '${to}' (current state: ${job.status}).${allowedHint ? ' ' + allowedHint.en : ''}`,
    },
    { extra: { currentStatus: job.status, version: job.version } },
  );
}

function versionConflict(job: Pick<JobRow, 'code' | 'status' | 'version'>): AppError {
  return conflict(
    'job_version_conflict',
    {
      vi: `Việc ${job.code} vừa được người khác thay đổi (trạng thái hiện tại: ${statusLabel(job.status).vi}). Hãy tải lại và thử lại.`,
      en: `Job ${job.code} was just changed by someone else (current state: ${job.status}). Reload and try again.`,
    },
    { currentStatus: job.status, version: job.version },
  );
}

/** Which targets each role may move a job to through `/transitions` (assignment has its own endpoint). */
function assertRoleMayMove(auth: AuthContext, job: JobRow, to: JobStatus): void {
  const role = auth.user.role;
  if (role === 'courier') {
    if (job.courierId !== auth.user.id) {
      throw forbidden({
        vi: 'Bạn chỉ cập nhật được việc được giao cho mình.',
        en: 'You can only update jobs assigned to you.',
      });
    }
    // `assigned` is allowed back from a failed attempt (rescheduling) or from on_hold (resuming).
    if (
      to === 'cancelled' ||
      to === 'new' ||
      (to === 'assigned' && job.status !== 'failed_attempt' && job.status !== 'on_hold')
    ) {
      throw forbidden({
        vi: 'Bưu tá không thể hủy, trả hoặc phân công lại việc; hãy báo điều phối viên.',
        en: 'Couriers cannot cancel, give back or reassign jobs; ask the dispatcher.',
      });
    }
    return;
  }
  assertUnitInScope(auth, job.unitId);
  if (
    role === 'operator' &&
    !(to === 'cancelled' || to === 'on_hold' || job.status === 'on_hold')
  ) {
    throw forbidden({
      vi: 'Điện thoại viên chỉ có thể tạm dừng, tiếp tục hoặc hủy việc.',
      en: 'Operators can only put jobs on hold, resume or cancel them.',
    });
  }
}

export type TransitionResult = { job: Job; event: JobEvent; replayed: boolean };

/**
 * Moves a job to another status, only as the shared state machine allows
 * (`checkTransition`): 409 `job_transition_not_allowed` naming the current state; 422
 * `job_transition_reason_required` when a reason is needed; couriers move only their own
 * jobs. Optimistic concurrency: of two people moving the same job at once exactly one
 * wins, the other gets 409 `job_version_conflict` (also when `expectedVersion` is stale).
 * The event (actor, occurred/recorded time, position, reason) is written in the same
 * transaction; `transitioned` hooks run in it. With `idempotencyKey` a retry with the same
 * key replays the first answer and does nothing twice.
 */
export async function transitionJob(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: TransitionJobInput,
  opts: WriteOptions & { idempotencyKey?: string | undefined } = {},
): Promise<TransitionResult> {
  const now = new Date();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validationFailed({
      occurredAt: {
        vi: 'Thời điểm không được ở tương lai; hãy kiểm tra đồng hồ điện thoại.',
        en: 'The time cannot be in the future; check the phone clock.',
      },
    });
  }
  const work = async (tx: Tx): Promise<{ job: Job; event: JobEvent }> => {
    const job = await repo.findJobById(tx, jobId);
    if (!job) throw notFound(JOB);
    if (auth.user.role === 'courier' && job.courierId !== auth.user.id) throw notFound(JOB);
    const to = input.to;
    assertRoleMayMove(auth, job, to);
    if (input.expectedVersion !== undefined && input.expectedVersion !== job.version)
      throw versionConflict(job);
    const from = job.status as JobStatus;
    const check = checkTransition(job.type as JobType, from, to, {
      reason: input.reason ?? null,
      heldFrom: (job.heldFrom as JobStatus | null) ?? null,
    });
    if (!check.ok) {
      if (check.code === 'job_transition_reason_required') {
        throw new AppError(
          422,
          'job_transition_reason_required',
          {
            vi: `Cần ghi lý do để chuyển việc sang “${statusLabel(to).vi}” (trạng thái hiện tại: ${statusLabel(from).vi}).`,
            en: check.message,
          },
          {
            fields: { reason: { vi: 'Hãy ghi lý do', en: 'Give a reason' } },
            extra: { currentStatus: from },
          },
        );
      }
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
    const patch: Partial<repo.NewJobRow> = {
      status: to,
      statusChangedAt: now,
      heldFrom: to === 'on_hold' ? from : null,
    };
    if (to === 'on_site') patch.attemptCount = job.attemptCount + 1;
    if (to === 'completed') patch.completedAt = occurredAt;
    // The courier has the package: the slip is dated today (J) and the postal leg runs.
    if (PACKAGE_TAKEN_STATUSES.includes(to) && !job.legDueDate) {
      patch.legDueDate = postalLegDueDate(
        await repo.loadWorkingCalendar(tx),
        toVnDate(occurredAt),
        await repo.readPostalLegLimits(tx),
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
    const updated = await repo.updateJobIfVersion(tx, job.id, job.version, patch);
    if (!updated) throw versionConflict((await repo.findJobById(tx, job.id)) ?? job);
    const ev = await repo.insertJobEvent(tx, {
      jobId: job.id,
      kind: 'transition',
      fromStatus: from,
      toStatus: to,
      reason: input.reason?.trim() || null,
      actorId: auth.user.id,
      occurredAt,
      recordedAt: now,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      data: input.data ?? null,
    });
    await runJobHooks('transitioned', tx, updated, ev, auth);
    await scheduleJobUpdated(tx, job.id, 'transition', ev.id, to === 'new' ? job.courierId : null);
    const view = await viewOrThrow(tx, job.id);
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

function reasonRequired(what: LocalizedText): AppError {
  return new AppError(
    422,
    'job_assign_reason_required',
    { vi: `Cần ghi lý do khi ${what.vi}.`, en: `A reason is required to ${what.en}.` },
    { fields: { reason: { vi: 'Hãy ghi lý do', en: 'Give a reason' } } },
  );
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
  opts: WriteOptions = {},
): Promise<Job> {
  if (!ASSIGNER_ROLES.includes(auth.user.role)) {
    throw forbidden({
      vi: 'Chỉ điều phối viên hoặc lãnh đạo mới phân công được việc.',
      en: 'Only dispatchers and managers can assign jobs.',
    });
  }
  return runTransaction(
    db,
    async (tx) => {
      const job = await repo.findJobById(tx, jobId);
      if (!job) throw notFound(JOB);
      assertUnitInScope(auth, job.unitId);
      const clock = await clockFor(tx);
      if (job.courierId === input.courierId)
        return presentJob(await viewOrThrow(tx, job.id), clock, auth);

      const held = job.status === 'on_hold' ? job.heldFrom : null;
      const effective = held ?? job.status;
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
      const reason = input.reason?.trim() || null;
      let kind: 'assign' | 'reassign' | 'unassign';
      let toStatus: JobStatus;
      if (input.courierId === null) {
        if (!reason) throw reasonRequired({ vi: 'bỏ phân công', en: 'unassign a job' });
        kind = 'unassign';
        toStatus = 'new';
      } else {
        const courier = await repo.findUserBrief(tx, input.courierId);
        if (!courier || courier.role !== 'courier') {
          throw unprocessable(
            'courier_not_found',
            {
              vi: 'Người được chọn không phải là bưu tá.',
              en: 'The selected person is not a courier.',
            },
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
        if (job.courierId) {
          if (!reason)
            throw reasonRequired({ vi: 'chuyển việc cho bưu tá khác', en: 'reassign a job' });
          kind = 'reassign';
        } else kind = 'assign';
        toStatus = 'assigned';
      }
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
      const ev = await repo.insertJobEvent(tx, {
        jobId: job.id,
        kind,
        fromStatus: job.status,
        toStatus: updated.status,
        reason,
        actorId: auth.user.id,
        occurredAt: now,
        recordedAt: now,
        data: { courierId: input.courierId, previousCourierId: job.courierId },
      });
      await runJobHooks('assigned', tx, updated, auth);
      await scheduleJobUpdated(tx, job.id, kind, ev.id, job.courierId);
      return presentJob(await viewOrThrow(tx, job.id), clock, auth);
    },
    opts.tx,
  );
}

/** Assigns several jobs to one courier (or unassigns them), all or nothing; an error names the job it is about. */
export async function assignJobs(
  db: Db,
  auth: AuthContext,
  input: BulkAssignJobsInput,
): Promise<Job[]> {
  return runTransaction(db, async (tx) => {
    const out: Job[] = [];
    for (const id of [...new Set(input.jobIds)]) {
      try {
        out.push(
          await assignJob(
            db,
            auth,
            id,
            { courierId: input.courierId, reason: input.reason },
            { tx },
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
  });
}

/** One job, if the caller may see it (couriers: only their own; others: their units). */
export async function getJob(db: Db, auth: AuthContext, jobId: string): Promise<Job> {
  const view = await viewOrThrow(db, jobId);
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

/** What the caller may see, as SQL: couriers their own jobs, others their units' jobs. */
function scopeSql(auth: AuthContext): SQL {
  if (auth.user.role === 'courier') return eq(jobs.courierId, auth.user.id);
  return inArray(jobs.unitId, [...auth.unitIds]);
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => '\\' + c);

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
  const conds: (SQL | undefined)[] = [scopeSql(auth)];
  if (query.unitId) {
    assertUnitInScope(auth, query.unitId);
    conds.push(inArray(jobs.unitId, await findUnitSubtreeIds(db, query.unitId)));
  }
  if (query.status?.length) conds.push(inArray(jobs.status, query.status));
  if (query.type) conds.push(eq(jobs.type, query.type));
  if (query.courierId === 'none') conds.push(isNull(jobs.courierId));
  else if (query.courierId) conds.push(eq(jobs.courierId, query.courierId));
  if (query.open) conds.push(notInArray(jobs.status, [...TERMINAL_STATUSES]));
  if (query.late !== undefined)
    conds.push(query.late ? lateSql(clock) : sql`not coalesce(${lateSql(clock)}, false)`);
  if (query.board?.length) conds.push(or(...query.board.map((b) => boardSql(b, clock))));
  if (query.due) conds.push(lte(jobs.dueDate, query.due));
  if (query.from) conds.push(gte(jobs.createdAt, vnStartOfDay(query.from)));
  if (query.to) conds.push(sql`${jobs.createdAt} < ${vnStartOfDay(addDays(query.to, 1))}`);
  const folded = foldVietnamese(query.q ?? '').trim();
  if (folded) {
    const pattern = `%${escapeLike(folded)}%`;
    conds.push(
      or(
        sql`vn_fold(${jobs.code} || ' ' || coalesce(${jobs.dossierCode}, '')) like ${pattern}`,
        sql`vn_fold(${citizens.fullName}) like ${pattern}`,
        sql`vn_fold(${jobs.addressText}) like ${pattern}`,
      ),
    );
  }
  const where = and(...conds);
  const sort = query.sort ?? (query.open ? 'urgent' : 'recent');
  const orderBy =
    sort === 'urgent'
      ? [desc(jobs.priority), sql`${jobs.dueDate} asc nulls last`, asc(jobs.createdAt)]
      : [desc(jobs.createdAt)];
  const [views, total] = await Promise.all([
    repo.findJobViews(db, {
      where,
      orderBy,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    repo.countJobViews(db, where),
  ]);
  return {
    items: views.map((v) => presentJob(v, clock, auth)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The late list: open jobs on red (late, or not started with the due day near), most
 * overdue first, each with who holds it (`courier`) and since when (`assignedAt`,
 * `statusChangedAt`).
 */
export async function listLateJobs(
  db: Db,
  auth: AuthContext,
  opts: { unitId?: string | undefined } = {},
): Promise<Job[]> {
  const r = await listJobs(db, auth, {
    board: ['red'],
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
  // A reassigned job leaves its old courier's scope; the old courier learns it through the
  // event's data, so couriers also see jobs whose events name them as previous courier.
  const scope =
    auth.user.role === 'courier'
      ? or(
          eq(jobs.courierId, auth.user.id),
          sql`job_events.data->>'previousCourierId' = ${auth.user.id}`,
        )
      : scopeSql(auth);
  const changed = await repo.findJobIdsChangedSince(db, since, scope, SYNC_LIMIT);
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

export type { JobRow, JobEventRow };
