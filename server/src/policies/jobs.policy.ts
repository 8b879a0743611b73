import type { JobStatus } from '@tannha/shared';
import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { EVERY_ROLE, OFFICE, definePolicy, unitScope } from './policy';

type JobRecord = { unitId: string; courierId: string | null };
/** A job and the status someone wants to move it to. */
export type JobMove = JobRecord & { status: string; to: JobStatus };

const NOT_YOURS: LocalizedText = {
  vi: 'Việc này không được giao cho bạn. Bạn chỉ thao tác được trên việc của mình.',
  en: 'This job is not assigned to you. You can only act on your own jobs.',
};

/** A courier reaches only the jobs given to them; office roles the jobs of their units. */
export function ownJobOrUnit(auth: AuthContext, job: JobRecord): LocalizedText | null {
  if (auth.user.role === 'courier') return job.courierId === auth.user.id ? null : NOT_YOURS;
  return unitScope(auth, job);
}

/**
 * Whether the job's very existence is hidden from the caller (answered 404, not 403): a
 * courier never learns about another courier's jobs.
 */
export function jobHiddenFrom(auth: AuthContext, job: JobRecord): boolean {
  return auth.user.role === 'courier' && job.courierId !== auth.user.id;
}

/** The jobs a caller may list: a courier their own, office roles their units'. */
export type JobListScope =
  { courierId: string; unitIds?: never } | { courierId?: never; unitIds: readonly string[] };

export function jobListScope(auth: AuthContext): JobListScope {
  return auth.user.role === 'courier' ? { courierId: auth.user.id } : { unitIds: auth.unitIds };
}

/**
 * Which targets each role may move a job to through `/transitions` (assignment has its own
 * ability). Couriers: their own jobs, never cancelled/new, `assigned` only back from a failed
 * attempt (rescheduling) or from on_hold (resuming). Operators: hold, resume or cancel.
 * Dispatchers, managers, admins: anything the state machine allows, in their units.
 */
function mayMove(auth: AuthContext, m: JobMove): LocalizedText | null {
  const role = auth.user.role;
  if (role === 'courier') {
    if (m.courierId !== auth.user.id) {
      return {
        vi: 'Bạn chỉ cập nhật được việc được giao cho mình.',
        en: 'You can only update jobs assigned to you.',
      };
    }
    if (
      m.to === 'cancelled' ||
      m.to === 'new' ||
      (m.to === 'assigned' && m.status !== 'failed_attempt' && m.status !== 'on_hold')
    ) {
      return {
        vi: 'Bưu tá không thể hủy, trả hoặc phân công lại việc; hãy báo điều phối viên.',
        en: 'Couriers cannot cancel, give back or reassign jobs; ask the dispatcher.',
      };
    }
    return null;
  }
  const outside = unitScope(auth, m);
  if (outside) return outside;
  if (
    role === 'operator' &&
    !(m.to === 'cancelled' || m.to === 'on_hold' || m.status === 'on_hold')
  ) {
    return {
      vi: 'Điện thoại viên chỉ có thể tạm dừng, tiếp tục hoặc hủy việc.',
      en: 'Operators can only put jobs on hold, resume or cancel them.',
    };
  }
  return null;
}

/**
 * Who sees the citizen's full phone number: people who must call them — the assigned
 * courier, dispatchers, operators and admins. Managers, other couriers and every socket
 * event get the masked form only.
 */
function seesPhone(auth: AuthContext, job: { courierId: string | null }): LocalizedText | null {
  return auth.user.role === 'courier' && job.courierId !== auth.user.id ? NOT_YOURS : null;
}

const ASSIGNERS = ['dispatcher', 'manager', 'admin'] as const;

/** Jobs: who may list, read, create, move and assign them. */
export const jobsPolicy = definePolicy({
  'jobs.list': { roles: EVERY_ROLE },
  'jobs.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'jobs.create': { roles: OFFICE, record: unitScope },
  'jobs.transition': { roles: EVERY_ROLE, record: mayMove },
  'jobs.assign': { roles: ASSIGNERS, record: unitScope },
  /** Courier suggestions for a job (the assign dialog). */
  'jobs.suggest': { roles: ASSIGNERS, record: ownJobOrUnit },
  'jobs.late': { roles: OFFICE },
  /** The citizen's full phone number on a job. */
  'jobs.phone': { roles: ['dispatcher', 'operator', 'admin', 'courier'], record: seesPhone },
});
