import {
  maskPhone,
  type Job,
  type JobEvent,
  type JobStatus,
  type JobType,
  type PostalLegTier,
} from '@tannha/shared';
import type { AuthContext } from '../../lib/http';
import { can } from '../../policies';
import { isJobLate, jobBoard, type BoardClock } from './job-board';
import type { JobEventRow, JobRow, JobView } from './jobs.repository';

/** Whether the caller sees the citizen's full phone on this job (policy `jobs.phone`). */
export function seesFullPhone(auth: AuthContext | undefined, job: JobRow): boolean {
  return can(auth, 'jobs.phone', job);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** API shape of a job; `auth` decides whether the full phone is included (none for broadcasts). */
export function presentJob(v: JobView, clock: BoardClock, auth?: AuthContext): Job {
  const j = v.job;
  return {
    id: j.id,
    code: j.code,
    type: j.type as JobType,
    status: j.status as JobStatus,
    heldFrom: (j.heldFrom as JobStatus | null) ?? null,
    unitId: j.unitId,
    unitName: v.unitName,
    citizen: {
      id: j.citizenId,
      fullName: v.citizenName,
      phoneMasked: maskPhone(v.citizenPhone),
      cccdLast4: v.citizenCccdLast4,
      ...(seesFullPhone(auth, j) ? { phone: v.citizenPhone } : {}),
    },
    procedure: v.procedure,
    dossierCode: j.dossierCode,
    addressText: j.addressText,
    wardCode: j.wardCode,
    lat: j.lat,
    lng: j.lng,
    locationSource: (j.locationSource as Job['locationSource']) ?? null,
    windowStart: iso(j.windowStart),
    windowEnd: iso(j.windowEnd),
    dueDate: j.dueDate,
    postalLegTier: j.postalLegTier as PostalLegTier,
    legDueDate: j.legDueDate,
    priority: j.priority,
    feeDueVnd: j.feeDueVnd,
    postalChargeVnd: j.postalChargeVnd,
    courier: j.courierId ? { id: j.courierId, fullName: v.courierName ?? '' } : null,
    routeOrder: j.routeOrder,
    notes: j.notes,
    attemptCount: j.attemptCount,
    version: j.version,
    board: jobBoard(j, clock),
    late: isJobLate(j, clock),
    callId: j.callId,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    assignedAt: iso(j.assignedAt),
    statusChangedAt: j.statusChangedAt.toISOString(),
    completedAt: iso(j.completedAt),
  };
}

export function presentJobEvent(e: JobEventRow, actorName: string | null): JobEvent {
  return {
    id: e.id,
    kind: e.kind,
    fromStatus: (e.fromStatus as JobStatus | null) ?? null,
    toStatus: (e.toStatus as JobStatus | null) ?? null,
    reason: e.reason,
    actor: e.actorId ? { id: e.actorId, fullName: actorName ?? '' } : null,
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    lat: e.lat,
    lng: e.lng,
    data: (e.data as Record<string, unknown> | null) ?? null,
  };
}
