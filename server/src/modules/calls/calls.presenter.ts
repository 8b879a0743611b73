import type { Call, Callback } from '@tannha/shared';
import type { CallView, CallbackRow } from './calls.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** API shape of a call with the names the screen shows. */
export function presentCall(v: CallView): Call {
  const c = v.call;
  return {
    id: c.id,
    ticketCode: c.ticketCode,
    direction: c.direction as Call['direction'],
    callerPhone: c.callerPhone,
    callerName: c.callerName,
    callerAddress: c.callerAddress,
    citizenId: c.citizenId,
    citizenName: v.citizenName,
    operatorId: c.operatorId,
    operatorName: v.operatorName,
    unitId: c.unitId,
    startedAt: c.startedAt.toISOString(),
    answeredAt: iso(c.answeredAt),
    endedAt: iso(c.endedAt),
    durationSeconds: c.durationSeconds,
    twilioCallSid: c.twilioCallSid,
    twilioStatus: c.twilioStatus,
    recordingUrl: c.recordingUrl,
    outOfHours: c.outOfHours,
    category: c.category as Call['category'],
    procedureId: c.procedureId,
    procedureName: v.procedureName,
    content: c.content,
    outcome: c.outcome as Call['outcome'],
    jobId: c.jobId,
    jobCode: v.jobCode,
    forwardedUnitId: c.forwardedUnitId,
    forwardedUnitName: v.forwardedUnitName,
    feedbackDueDate: c.feedbackDueDate,
    answer: c.answer,
    published: c.published,
    closedAt: iso(c.closedAt),
    version: c.version,
  };
}

export function presentCallback(
  v: {
    cb: CallbackRow;
    ticketCode: string;
    recordingUrl: string | null;
    citizenName: string | null;
    assignedName: string | null;
  },
  now = new Date(),
): Callback {
  return {
    id: v.cb.id,
    callId: v.cb.callId,
    ticketCode: v.ticketCode,
    unitId: v.cb.unitId,
    phone: v.cb.phone,
    citizenId: v.cb.citizenId,
    citizenName: v.citizenName,
    assignedTo: v.cb.assignedTo,
    assignedName: v.assignedName,
    dueAt: v.cb.dueAt.toISOString(),
    overdue: v.cb.status === 'open' && v.cb.dueAt.getTime() < now.getTime(),
    reason: v.cb.reason as Callback['reason'],
    note: v.cb.note,
    status: v.cb.status as Callback['status'],
    recordingUrl: v.recordingUrl,
    createdAt: v.cb.createdAt.toISOString(),
  };
}
