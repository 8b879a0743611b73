import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';

export type JobRecord = typeof jobs.$inferSelect;

/**
 * One job as stored, for an action on it; with `forUpdate` the row stays locked until the
 * caller's transaction ends, so two actions on one job take turns.
 */
export async function findJobForAction(
  db: DbOrTx,
  jobId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JobRecord | undefined> {
  const q = db.select().from(jobs).where(eq(jobs.id, jobId)).limit(1);
  const [job] = opts.forUpdate ? await q.for('update') : await q;
  return job;
}
