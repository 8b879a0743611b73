import { sql } from 'drizzle-orm';
import { PACKAGE_HANDED_STATUSES, PACKAGE_TAKEN_STATUSES } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';

// The stages the dashboard times, as the postal leg defines them (shared/postal-leg.ts).
const PICKUP: readonly string[] = PACKAGE_TAKEN_STATUSES;
const HANDED: readonly string[] = PACKAGE_HANDED_STATUSES;
const inList = (xs: readonly string[]) => sql.raw(xs.map((s) => `'${s}'`).join(', '));

/**
 * Rebuilds the milestones of jobs from their events, set-based: all jobs, or those created
 * at or after `createdFrom`. Used after bulk loads that do not go through the job engine
 * (demo data, the benchmark, data migrations); the job hook keeps them in step otherwise.
 */
export async function refreshJobMilestones(
  db: DbOrTx,
  opts: { createdFrom?: Date } = {},
): Promise<void> {
  await db.execute(sql`
    insert into job_milestones (job_id, unit_id, created_at, started_at, assigned_at, pickup_at, handed_at)
    select j.id, j.unit_id, j.created_at, coalesce(c.started_at, j.created_at), e.assigned_at, e.pickup_at, e.handed_at
    from jobs j
    left join calls c on c.id = j.call_id
    left join (
      select job_id,
        min(occurred_at) filter (where to_status = 'assigned' or kind in ('assign', 'reassign')) as assigned_at,
        min(occurred_at) filter (where to_status in (${inList(PICKUP)})) as pickup_at,
        min(occurred_at) filter (where to_status in (${inList(HANDED)})) as handed_at
      from job_events group by job_id
    ) e on e.job_id = j.id
    ${opts.createdFrom ? sql`where j.created_at >= ${opts.createdFrom}` : sql``}
    on conflict (job_id) do update set unit_id = excluded.unit_id, created_at = excluded.created_at, started_at = excluded.started_at,
      assigned_at = excluded.assigned_at, pickup_at = excluded.pickup_at, handed_at = excluded.handed_at`);
}

export type MilestoneJob = { id: string; unitId: string; callId: string | null; createdAt: Date };

/** The job's milestone row exists (created when the job is). */
export async function ensureMilestoneRow(tx: DbOrTx, job: MilestoneJob) {
  await tx.execute(sql`
    insert into job_milestones (job_id, unit_id, created_at, started_at)
    values (${job.id}, ${job.unitId}, ${job.createdAt},
            coalesce((select started_at from calls where id = ${job.callId}::uuid), ${job.createdAt}::timestamptz))
    on conflict (job_id) do update set unit_id = excluded.unit_id`);
}

/**
 * The milestone rows of many new jobs in one statement (a bulk intake); same values as
 * {@link ensureMilestoneRow} for each.
 */
export async function ensureMilestoneRows(tx: DbOrTx, jobs: readonly MilestoneJob[]) {
  if (jobs.length === 0) return;
  await tx.execute(sql`
    insert into job_milestones (job_id, unit_id, created_at, started_at)
    select j.id, j.unit_id, j.created_at, coalesce(c.started_at, j.created_at)
    from jobs j left join calls c on c.id = j.call_id
    where j.id = any(${sql.param(jobs.map((j) => j.id))}::uuid[])
    on conflict (job_id) do update set unit_id = excluded.unit_id`);
}

/** Records that a job reached a stage at `at`; an earlier time already recorded wins (offline events arrive late). */
export async function noteMilestone(
  tx: DbOrTx,
  job: MilestoneJob,
  stage: 'assigned' | 'pickup' | 'handed',
  at: Date,
) {
  await ensureMilestoneRow(tx, job);
  const col = sql.raw(
    stage === 'assigned' ? 'assigned_at' : stage === 'pickup' ? 'pickup_at' : 'handed_at',
  );
  await tx.execute(
    sql`update job_milestones set ${col} = least(coalesce(${col}, ${at}::timestamptz), ${at}::timestamptz) where job_id = ${job.id}`,
  );
}
