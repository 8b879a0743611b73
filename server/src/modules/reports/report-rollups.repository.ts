import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/**
 * The tables whose row triggers keep the dashboard's daily rollups in step (migration 0010).
 * A bulk load may run with them off (`alter table … disable trigger user`) and call
 * {@link rebuildReportRollups} once at the end.
 */
export const ROLLUP_SOURCES = ['jobs', 'calls', 'payments', 'ratings', 'job_milestones'] as const;

/** Recomputes every daily rollup from the source tables, set-based, in one statement. */
export async function rebuildReportRollups(db: DbOrTx): Promise<void> {
  await db.execute(sql`select report_rollups_rebuild()`);
}
