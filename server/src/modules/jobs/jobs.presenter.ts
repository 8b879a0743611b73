import {
  maskPhone,
  type Job,
  type JobEvent,
  type JobStatus,
  type JobType,
  type PostalLegTier,
} from '@tannha/shared';
import type { AuthContext } from '../../lib/http';
import { isJobLate, jobBoard, type BoardClock } from './job-board';
import type { JobEventRow, JobView } from './jobs.repository';

/**
 * Who sees the citizen's full phone number: people who must call them — the assigned
 * courier, dispatchers, operators and admins. Managers, other couriers and every socket
 * event get the masked form only.
 */
export function seesFullPhone(auth: AuthContext | undefined, courierId: string | null): boolean {
  if (!auth) return false;
  const role = auth.user.role;
  if (role === 'dispatcher' || role === 'operator' || role === 'admin') return true;
  return role === 'courier' && courierId === auth.user.id;
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
      ...(seesFullPhone(auth, j.courierId) ? { phone: v.citizenPhone } : {}),
    },
    procedure: v.procedure,
    dossierCode: j.dossierCode,
    addressText: j.addressText,
    wardCode: j.wardCode,
    lat: j.lat,
    lng: j.lng,
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
