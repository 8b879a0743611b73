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

/**
 * Turns off, for the rest of the caller's transaction, the row triggers a bulk insert of jobs
 * and their milestones would fire (each one upserting the same few rollup rows, which grows
 * slower with every update of one row inside one transaction). The change is transactional:
 * a rollback undoes it, and {@link addJobRollups} turns them back on. Writers of `jobs` and
 * `job_milestones` elsewhere wait for the transaction to end (SHARE ROW EXCLUSIVE); readers do not.
 */
export async function pauseJobRollups(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`alter table jobs disable trigger report_jobs`);
  await tx.execute(sql`alter table job_milestones disable trigger report_milestones`);
}

/**
 * Adds the rollups of these new jobs and their milestones set-based (what the paused row
 * triggers would have added one by one) and turns the triggers back on.
 */
export async function addJobRollups(tx: DbOrTx, jobIds: readonly string[]): Promise<void> {
  const ids = sql.param([...jobIds]);
  await tx.execute(sql`
    insert into report_job_days as r (day, unit_id, dim, key, n, done, on_time, late)
    select f.day, f.unit_id, f.dim, f.key, sum(f.n), sum(f.done), sum(f.on_time), sum(f.late)
    from jobs j cross join lateral report_job_facts(j, 1) f
    where j.id = any(${ids}::uuid[]) and f.day is not null
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (day, unit_id, dim, key) do update
      set n = r.n + excluded.n, done = r.done + excluded.done,
          on_time = r.on_time + excluded.on_time, late = r.late + excluded.late`);
  await tx.execute(sql`
    insert into report_leg_days as r (day, unit_id, n1, s1, n2, s2, n3, s3)
    select f.day, f.unit_id, sum(f.n1), sum(f.s1), sum(f.n2), sum(f.s2), sum(f.n3), sum(f.s3)
    from job_milestones m cross join lateral report_leg_facts(m, 1) f
    where m.job_id = any(${ids}::uuid[]) and f.day is not null
    group by 1, 2 order by 1, 2
    on conflict (day, unit_id) do update
      set n1 = r.n1 + excluded.n1, s1 = r.s1 + excluded.s1, n2 = r.n2 + excluded.n2,
          s2 = r.s2 + excluded.s2, n3 = r.n3 + excluded.n3, s3 = r.s3 + excluded.s3`);
  await tx.execute(sql`alter table jobs enable trigger report_jobs`);
  await tx.execute(sql`alter table job_milestones enable trigger report_milestones`);
}
