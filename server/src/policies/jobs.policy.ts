import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { EVERY_ROLE, OFFICE, definePolicy, unitScope } from './policy';

type JobRecord = { unitId: string; courierId: string | null };

const NOT_YOURS: LocalizedText = {
  vi: 'Việc này không được giao cho bạn. Bạn chỉ thao tác được trên việc của mình.',
  en: 'This job is not assigned to you. You can only act on your own jobs.',
};

/** A courier reaches only the jobs given to them; office roles the jobs of their units. */
export function ownJobOrUnit(auth: AuthContext, job: JobRecord): LocalizedText | null {
  if (auth.user.role === 'courier') return job.courierId === auth.user.id ? null : NOT_YOURS;
  return unitScope(auth, job);
}

const ASSIGNERS = ['dispatcher', 'manager', 'admin'] as const;

/** Jobs: who may list, read, create, move and assign them. */
export const jobsPolicy = definePolicy({
  'jobs.list': { roles: EVERY_ROLE },
  'jobs.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'jobs.create': { roles: OFFICE, record: unitScope },
  'jobs.transition': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'jobs.assign': { roles: ASSIGNERS, record: unitScope },
  'jobs.late': { roles: OFFICE },
});
