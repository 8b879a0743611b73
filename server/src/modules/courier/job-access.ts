import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertUnitInScope } from '../units/units.service';

export type JobRecord = typeof jobs.$inferSelect;

const JOB = { vi: 'Việc', en: 'Job' };

/**
 * Loads a job for a courier-side action (money, documents, handovers). A courier may act
 * only on a job assigned to them; office roles only on jobs of their units. With `forUpdate`
 * the row is locked until the transaction ends, so two actions on one job take turns.
 */
export async function loadJobForAction(
  db: DbOrTx,
  auth: AuthContext,
  jobId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JobRecord> {
  const q = db.select().from(jobs).where(eq(jobs.id, jobId)).limit(1);
  const [job] = opts.forUpdate ? await q.for('update') : await q;
  if (!job) throw notFound(JOB);
  assertCanActOnJob(auth, job);
  return job;
}

/** Role and unit check for one job (see {@link loadJobForAction}). */
export function assertCanActOnJob(auth: AuthContext, job: JobRecord): void {
  if (auth.user.role === 'courier') {
    if (job.courierId !== auth.user.id) {
      throw forbidden({
        vi: 'Việc này không được giao cho bạn. Bạn chỉ thao tác được trên việc của mình.',
        en: 'This job is not assigned to you. You can only act on your own jobs.',
      });
    }
    return;
  }
  assertUnitInScope(auth, job.unitId);
}

/** 409 when the job is in a state where the action makes no sense. */
export function assertJobStatus(
  job: JobRecord,
  allowed: readonly string[],
  action: { vi: string; en: string },
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

/** The `occurredAt` a phone sent, refused when it is in the future (beyond clock drift). */
export function occurredAtFrom(value: string | undefined, now = new Date()): Date {
  if (!value) return now;
  const d = new Date(value);
  if (d.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError(
      422,
      'occurred_at_in_future',
      {
        vi: 'Thời điểm thực hiện nằm trong tương lai. Kiểm tra giờ trên điện thoại.',
        en: 'The time of the action is in the future. Check the phone’s clock.',
      },
      { fields: { occurredAt: { vi: 'Thời điểm ở tương lai', en: 'Time is in the future' } } },
    );
  }
  return d;
}
