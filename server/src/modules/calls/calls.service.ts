import {
  addWorkingDays,
  effectiveReceiptDate,
  formatVnDate,
  formatVnDateTime,
  normalizePhone,
  toVnDate,
  vnStartOfDay,
  addDays,
  type Call,
  type CreateCallInput,
  type CreateJobFromCallInput,
  type JobFromCallResult,
  type ListCallbacksQuery,
  type ListCallsQuery,
  type ScheduleCallbackInput,
  type UpdateCallInput,
  type CompleteCallbackInput,
} from '@tannha/shared';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { type calls, citizenAddresses, citizens, units } from '../../db/schema';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { recordAudit } from '../audit/audit.repository';
import { getCitizenForUser } from '../citizens/citizens.service';
import { createJob, type JobHooks } from '../jobs/jobs.service';
import { queueSms } from '../sms/sms.service';
import { JOB_TYPE_SMS_NAMES } from '../sms/sms.templates';
import { assertUnitInScope } from '../units/units.service';
import { presentCall, presentCallback } from './calls.presenter';
import * as repo from './calls.repository';
import type { CallRow } from './calls.repository';
import { loadOfficeHours, nextOpening } from './office-hours';

const CALL = { vi: 'Cuộc gọi', en: 'Call' };
const WRITER_ROLES = ['operator', 'dispatcher', 'manager', 'admin'];
const SUPERVISOR_ROLES = ['manager', 'admin'];
export const DEFAULT_FEEDBACK_DUE_WORKING_DAYS = 5;

/** `1022-YYMMDD-NNNN`: the day it came in and the gapless call number. */
export function ticketCode(n: number, at: Date): string {
  return `1022-${toVnDate(at).slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
}

/** Inserts a call with the next ticket code, inside the caller's transaction. */
export async function insertCallWithTicket(
  tx: DbOrTx,
  values: Omit<typeof calls.$inferInsert, 'ticketCode'>,
) {
  const started = values.startedAt ?? new Date();
  const n = await repo.nextCallNumber(tx);
  return repo.insertCall(tx, { ...values, startedAt: started, ticketCode: ticketCode(n, started) });
}

function assertCanSeeCall(auth: AuthContext, c: CallRow): void {
  if (
    auth.unitIds.includes(c.unitId) ||
    (c.forwardedUnitId && auth.unitIds.includes(c.forwardedUnitId))
  )
    return;
  throw forbidden({
    vi: 'Cuộc gọi này thuộc đơn vị khác.',
    en: 'This call belongs to another unit.',
  });
}

async function callOrThrow(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  forUpdate = false,
): Promise<CallRow> {
  const c = await repo.getCallRow(db, id, forUpdate);
  if (!c) throw notFound(CALL);
  assertCanSeeCall(auth, c);
  return c;
}

async function viewOf(db: DbOrTx, id: string): Promise<Call> {
  return presentCall((await repo.getCallView(db, id))!);
}

/** Feedback must be answered within `feedback_due_working_days` working days (default 5). */
async function feedbackDueFrom(db: DbOrTx, at: Date): Promise<string> {
  const cal = await repo.loadCalendar(db);
  const days = await repo.readSetting<number>(
    db,
    'feedback_due_working_days',
    DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
  );
  return addWorkingDays(
    cal,
    effectiveReceiptDate(cal, at),
    typeof days === 'number' && days >= 0 ? Math.round(days) : DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
  );
}

async function checkRefs(
  db: DbOrTx,
  auth: AuthContext,
  input: { citizenId?: string | null | undefined; forwardedUnitId?: string | null | undefined },
) {
  if (input.citizenId) await getCitizenForUser(db, auth, input.citizenId);
  // Feedback may be forwarded to any unit (often outside the caller's own tree), but it must exist.
  if (input.forwardedUnitId) {
    const [u] = await db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.id, input.forwardedUnitId))
      .limit(1);
    if (!u) {
      throw unprocessable(
        'unit_not_found',
        { vi: 'Đơn vị nhận chuyển không tồn tại.', en: 'The unit to forward to does not exist.' },
        {
          forwardedUnitId: { vi: 'Chọn lại đơn vị', en: 'Choose the unit again' },
        },
      );
    }
  }
}

/** Logs a call (the operator's form); links the caller by phone when exactly one matches. */
export async function createCall(db: Db, auth: AuthContext, input: CreateCallInput): Promise<Call> {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    await checkRefs(tx, auth, input);
    let citizenId = input.citizenId ?? null;
    if (!citizenId) {
      const matches = await tx
        .select({ id: citizens.id })
        .from(citizens)
        .where(eq(citizens.phone, input.callerPhone))
        .limit(2);
      if (matches.length === 1) citizenId = matches[0]!.id;
    }
    const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
    const feedbackDueDate =
      input.category === 'feedback'
        ? (input.feedbackDueDate ?? (await feedbackDueFrom(tx, startedAt)))
        : (input.feedbackDueDate ?? null);
    const closed = input.close === true;
    const row = await insertCallWithTicket(tx, {
      direction: input.direction,
      callerPhone: input.callerPhone,
      callerName: input.callerName ?? null,
      callerAddress: input.callerAddress ?? null,
      citizenId,
      operatorId: auth.user.id,
      unitId: auth.user.unitId,
      startedAt,
      answeredAt: input.direction === 'inbound' ? startedAt : null,
      category: input.category ?? null,
      procedureId: input.procedureId ?? null,
      content: input.content ?? null,
      outcome: input.outcome ?? (closed ? 'answered' : null),
      forwardedUnitId: input.forwardedUnitId ?? null,
      feedbackDueDate,
      answer: input.answer ?? null,
      published: input.published ?? false,
      closedAt: closed ? new Date() : null,
      closedBy: closed ? auth.user.id : null,
      endedAt: closed ? new Date() : null,
    });
    return viewOf(tx, row.id);
  });
}

export async function getCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  await callOrThrow(db, auth, id);
  return viewOf(db, id);
}

/** The call log with filters (local dates, inclusive) and pagination, newest first. */
export async function listCalls(db: Db, auth: AuthContext, q: ListCallsQuery) {
  if (q.unitId) assertUnitInScope(auth, q.unitId);
  let phone: string | undefined;
  if (q.phone) {
    const p = normalizePhone(q.phone);
    phone = p.ok ? p.e164 : q.phone.replace(/[^\d+]/g, '');
  }
  const where = repo.callFilters({
    unitIds: q.unitId ? [q.unitId] : auth.unitIds,
    fromInstant: q.from ? vnStartOfDay(q.from) : undefined,
    toInstant: q.to ? vnStartOfDay(addDays(q.to, 1)) : undefined,
    category: q.category,
    outcome: q.outcome,
    direction: q.direction,
    operatorId: q.operatorId,
    phone,
    q: q.q,
    open: q.open === undefined ? undefined : q.open === 'true',
  });
  const [rows, total] = await Promise.all([
    repo.listCallViews(db, where, q.pageSize, (q.page - 1) * q.pageSize),
    repo.countCalls(db, where),
  ]);
  return { items: rows.map(presentCall), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Edits a call. Open calls: any desk role of the unit. Closed calls: only a manager or
 * admin, with a reason that is written to the audit log with the before/after values.
 */
export async function updateCall(
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdateCallInput,
): Promise<Call> {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    const c = await callOrThrow(tx, auth, id, true);
    if (input.version !== undefined && input.version !== c.version) {
      throw conflict('call_version_conflict', {
        vi: `Phiếu ${c.ticketCode} vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.`,
        en: `Call ${c.ticketCode} was just changed by someone else. Reload and edit again.`,
      });
    }
    const { reason, version: _v, ...fields } = input;
    if (c.closedAt) {
      if (!SUPERVISOR_ROLES.includes(auth.user.role)) {
        throw new AppError(409, 'call_closed', {
          vi: `Phiếu ${c.ticketCode} đã đóng; chỉ lãnh đạo mới sửa được (kèm lý do).`,
          en: `Call ${c.ticketCode} is closed; only a manager can change it (with a reason).`,
        });
      }
      if (!reason || reason.trim().length < 5) {
        throw unprocessable(
          'reason_required',
          { vi: 'Sửa phiếu đã đóng cần ghi lý do.', en: 'Changing a closed call needs a reason.' },
          {
            reason: {
              vi: 'Hãy ghi lý do (ít nhất 5 ký tự)',
              en: 'Give a reason (at least 5 characters)',
            },
          },
        );
      }
    }
    await checkRefs(tx, auth, fields);
    const patch: Partial<CallRow> = { ...fields } as Partial<CallRow>;
    const category = fields.category !== undefined ? fields.category : c.category;
    if (category === 'feedback' && !c.feedbackDueDate && fields.feedbackDueDate === undefined) {
      patch.feedbackDueDate = await feedbackDueFrom(tx, c.startedAt);
    }
    if (fields.answer !== undefined)
      patch.answeredFeedbackAt = fields.answer ? (c.answeredFeedbackAt ?? new Date()) : null;
    await repo.updateCallRow(tx, id, patch);
    if (c.closedAt) {
      const keys = Object.keys(patch) as (keyof CallRow)[];
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'call.update_closed',
        entityType: 'call',
        entityId: id,
        before: Object.fromEntries(keys.map((k) => [k, c[k]])),
        after: Object.fromEntries(keys.map((k) => [k, patch[k]])),
        reason: reason ?? null,
      });
    }
    return viewOf(tx, id);
  });
}

/** Closes a call: it needs a category and an outcome first. */
export async function closeCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    const c = await callOrThrow(tx, auth, id, true);
    if (c.closedAt) return viewOf(tx, id);
    const fields: Record<string, { vi: string; en: string }> = {};
    if (!c.category) fields.category = { vi: 'Chọn loại cuộc gọi', en: 'Choose a category' };
    if (!c.outcome) fields.outcome = { vi: 'Chọn kết quả xử lý', en: 'Choose an outcome' };
    if (Object.keys(fields).length > 0) {
      throw unprocessable(
        'call_incomplete',
        {
          vi: 'Chưa thể đóng phiếu: còn thiếu thông tin.',
          en: 'The call cannot be closed yet: some fields are missing.',
        },
        fields,
      );
    }
    const now = new Date();
    await repo.updateCallRow(tx, id, {
      closedAt: now,
      closedBy: auth.user.id,
      endedAt: c.endedAt ?? now,
    });
    return viewOf(tx, id);
  });
}

/** Manager/admin: opens a closed call again; the reason goes to the audit log. */
export async function reopenCall(
  db: Db,
  auth: AuthContext,
  id: string,
  reason: string,
): Promise<Call> {
  if (!SUPERVISOR_ROLES.includes(auth.user.role)) {
    throw forbidden({
      vi: 'Chỉ lãnh đạo mới mở lại được phiếu đã đóng.',
      en: 'Only a manager can reopen a closed call.',
    });
  }
  return runTransaction(db, async (tx) => {
    const c = await callOrThrow(tx, auth, id, true);
    if (!c.closedAt) return viewOf(tx, id);
    await repo.updateCallRow(tx, id, { closedAt: null, closedBy: null });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'call.reopen',
      entityType: 'call',
      entityId: id,
      before: { closedAt: c.closedAt },
      after: { closedAt: null },
      reason,
    });
    return viewOf(tx, id);
  });
}

/**
 * Job from a call, in ONE transaction: the job engine creates the job (refusing in-person
 * procedures, computing the due date in working days), the call is linked to it
 * (outcome job_created), and exactly one SMS with the job code and tracking link is
 * queued for the citizen.
 */
export async function createJobFromCall(
  db: Db,
  auth: AuthContext,
  callId: string,
  input: CreateJobFromCallInput,
  opts: { publicBaseUrl: string; jobHooks: JobHooks },
): Promise<JobFromCallResult> {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    const c = await callOrThrow(tx, auth, callId, true);
    if (c.closedAt) {
      throw new AppError(409, 'call_closed', {
        vi: `Phiếu ${c.ticketCode} đã đóng; không tạo thêm việc từ phiếu này. Hãy ghi một cuộc gọi mới.`,
        en: `Call ${c.ticketCode} is closed; log a new call to create another job.`,
      });
    }
    if (c.jobId) {
      throw conflict('call_has_job', {
        vi: `Phiếu ${c.ticketCode} đã có việc được tạo. Mỗi cuộc gọi chỉ tạo một việc.`,
        en: `A job was already created from call ${c.ticketCode}. One job per call.`,
      });
    }
    const citizenId = input.citizenId ?? c.citizenId;
    if (!citizenId) {
      throw unprocessable(
        'citizen_required',
        {
          vi: 'Cần lưu thông tin người gọi trước khi tạo việc.',
          en: 'Save the caller first, then create the job.',
        },
        { citizenId: { vi: 'Chưa chọn người gọi', en: 'No caller chosen' } },
      );
    }
    const citizen = await getCitizenForUser(tx, auth, citizenId);
    const job = await createJob(
      db,
      auth,
      {
        type: input.type,
        unitId: input.unitId,
        citizenId,
        procedureId: input.procedureId ?? null,
        dossierCode: input.dossierCode ?? null,
        addressText: input.addressText,
        wardCode: input.wardCode ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        windowStart: input.windowStart ?? null,
        windowEnd: input.windowEnd ?? null,
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.postalLegTier ? { postalLegTier: input.postalLegTier } : {}),
        notes: input.notes ?? null,
        callId,
      },
      { tx: tx as Tx, hooks: opts.jobHooks },
    );
    await repo.updateCallRow(tx, callId, {
      jobId: job.id,
      outcome: 'job_created',
      citizenId,
      category:
        c.category ?? (input.type === 'result_delivery' ? 'delivery_request' : 'pickup_request'),
      procedureId: c.procedureId ?? input.procedureId ?? null,
    });
    if (input.saveAddress) {
      const existing = await tx
        .select({ t: citizenAddresses.addressText })
        .from(citizenAddresses)
        .where(eq(citizenAddresses.citizenId, citizenId));
      if (
        !existing.some((a) => a.t.trim().toLowerCase() === input.addressText.trim().toLowerCase())
      ) {
        await tx.insert(citizenAddresses).values({
          citizenId,
          addressText: input.addressText,
          wardCode: input.wardCode ?? null,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
        });
      }
    }
    const sms = await queueSms(tx, {
      to: citizen.phone,
      template: 'job_created',
      vars: {
        jobType: JOB_TYPE_SMS_NAMES[job.type] ?? job.type,
        code: job.code,
        dueDate: job.dueDate ? formatVnDate(job.dueDate) : '',
        trackingUrl: `${opts.publicBaseUrl}/tra-cuu/${job.code}`,
      },
      jobId: job.id,
      citizenId,
      callId,
    });
    return {
      call: await viewOf(tx, callId),
      job: { id: job.id, code: job.code, dueDate: job.dueDate, status: job.status },
      smsId: sms?.id ?? null,
    };
  });
}

/**
 * A callback owed for a call (missed, out of hours, voicemail), at most one open per call.
 * Due at the next opening of the desk; the citizen gets one SMS saying so.
 */
export async function ensureAutoCallback(
  tx: DbOrTx,
  c: CallRow,
  reason: 'missed' | 'out_of_hours' | 'voicemail',
  opts: { now?: Date; note?: string } = {},
) {
  const existing = await repo.openCallbackForCall(tx, c.id);
  if (existing) {
    if (reason === 'voicemail' && existing.reason !== 'voicemail')
      return repo.updateCallbackRow(tx, existing.id, { reason, note: opts.note ?? existing.note });
    return existing;
  }
  const now = opts.now ?? new Date();
  const { cal, hours } = await loadOfficeHours(tx);
  const opening = nextOpening(cal, hours, now);
  // In hours: call back within 15 minutes; out of hours: when the desk opens.
  const dueAt =
    opening.getTime() === now.getTime() ? new Date(now.getTime() + 15 * 60_000) : opening;
  const cb = await repo.insertCallback(tx, {
    callId: c.id,
    unitId: c.unitId,
    phone: c.callerPhone,
    citizenId: c.citizenId,
    dueAt,
    reason,
    note: opts.note ?? null,
  });
  await repo.updateCallRow(tx, c.id, {
    outcome: c.outcome ?? (reason === 'missed' ? 'missed' : 'callback_scheduled'),
  });
  await queueSms(tx, {
    to: c.callerPhone,
    template: 'callback_scheduled',
    vars: { ticketCode: c.ticketCode, dueTime: formatVnDateTime(dueAt) },
    citizenId: c.citizenId,
    callId: c.id,
  });
  return cb;
}

/** An operator promises to call back at `dueAt`. */
export async function scheduleCallback(
  db: Db,
  auth: AuthContext,
  callId: string,
  input: ScheduleCallbackInput,
) {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    const c = await callOrThrow(tx, auth, callId, true);
    const existing = await repo.openCallbackForCall(tx, callId);
    const assignedTo = input.assignedTo === undefined ? auth.user.id : input.assignedTo;
    const cb = existing
      ? await repo.updateCallbackRow(tx, existing.id, {
          dueAt: new Date(input.dueAt),
          note: input.note ?? existing.note,
          assignedTo,
        })
      : await repo.insertCallback(tx, {
          callId,
          unitId: c.unitId,
          phone: c.callerPhone,
          citizenId: c.citizenId,
          dueAt: new Date(input.dueAt),
          reason: 'requested',
          note: input.note ?? null,
          assignedTo,
          createdBy: auth.user.id,
        });
    if (!c.outcome || c.outcome === 'missed')
      await repo.updateCallRow(tx, callId, { outcome: 'callback_scheduled' });
    return presentCallback((await repo.getCallbackView(tx, cb!.id))!);
  });
}

/** Due and overdue callbacks (or all open ones) for me or my units. */
export async function listCallbacks(db: Db, auth: AuthContext, q: ListCallbacksQuery) {
  const where = repo.callbackFilters({
    unitIds: auth.unitIds,
    status: q.status,
    mineId: q.scope === 'mine' ? auth.user.id : undefined,
    dueBy: q.due === 'true' ? new Date() : undefined,
  });
  const now = new Date();
  return {
    items: (await repo.listCallbackViews(db, where, q.limit)).map((v) => presentCallback(v, now)),
  };
}

/** Marks a callback done (or cancelled), recording who and when. */
export async function completeCallback(
  db: Db,
  auth: AuthContext,
  id: string,
  input: CompleteCallbackInput,
) {
  if (!WRITER_ROLES.includes(auth.user.role)) throw forbidden();
  return runTransaction(db, async (tx) => {
    const cb = await repo.getCallbackRow(tx, id);
    if (!cb) throw notFound({ vi: 'Lịch gọi lại', en: 'Callback' });
    assertUnitInScope(auth, cb.unitId);
    if (cb.status !== 'open') {
      throw conflict('callback_not_open', {
        vi: 'Lịch gọi lại này đã được xử lý.',
        en: 'This callback was already handled.',
      });
    }
    await repo.updateCallbackRow(tx, id, {
      status: input.status,
      doneAt: new Date(),
      doneBy: auth.user.id,
      note: input.note ?? cb.note,
    });
    return presentCallback((await repo.getCallbackView(tx, id))!);
  });
}

/** Feedback (phản ánh, kiến nghị) not answered by its due date, oldest first. */
export async function listOverdueFeedback(db: Db, auth: AuthContext, withinDays: number) {
  const today = toVnDate(new Date());
  const rows = await repo.listOpenFeedback(db, auth.unitIds, addDays(today, withinDays));
  return {
    items: rows.map((r) => ({
      ...presentCall(r),
      overdue: (r.call.feedbackDueDate ?? '') < today,
    })),
  };
}
