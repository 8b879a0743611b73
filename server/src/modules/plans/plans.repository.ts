import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import { jobHeadColumns } from '../../db/selections';
import { jobs, plans } from '../../db/schema';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;

/** A job the planner may schedule, with what it needs to place and time it. */
export type CandidateJobRow = {
  id: string;
  code: string;
  type: string;
  status: string;
  unitId: string;
  courierId: string | null;
  addressText: string;
  lat: number | null;
  lng: number | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  dueDate: string | null;
  priority: number;
  version: number;
};

/**
 * Open jobs of `unitIds` for the day [dayStart, dayEnd): not yet visited (`plannable`) with a
 * window touching the day or no window at all (due any day, overdue included), and — when
 * `includeStarted` — jobs already under way (`started`) whatever their window.
 */
export async function findCandidateJobs(
  db: DbOrTx,
  opts: {
    unitIds: string[];
    dayStart: Date;
    dayEnd: Date;
    plannable: readonly string[];
    started: readonly string[];
    includeStarted: boolean;
  },
): Promise<CandidateJobRow[]> {
  if (opts.unitIds.length === 0) return [];
  const ds = opts.dayStart.toISOString();
  const de = opts.dayEnd.toISOString();
  const onDay = sql`(${jobs.windowStart} is null or (${jobs.windowStart} < ${de}::timestamptz and coalesce(${jobs.windowEnd}, ${jobs.windowStart}) >= ${ds}::timestamptz))`;
  const created = sql`${jobs.createdAt} < ${de}::timestamptz`;
  const statusCond = opts.includeStarted
    ? sql`(${inArray(jobs.status, [...opts.plannable])} and ${onDay} and ${created}) or ${inArray(jobs.status, [...opts.started])}`
    : sql`${inArray(jobs.status, [...opts.plannable, ...opts.started])} and ${onDay} and ${created}`;
  return db
    .select({
      ...jobHeadColumns,
      unitId: jobs.unitId,
      courierId: jobs.courierId,
      addressText: jobs.addressText,
      lat: jobs.lat,
      lng: jobs.lng,
      windowStart: jobs.windowStart,
      windowEnd: jobs.windowEnd,
      dueDate: jobs.dueDate,
      priority: jobs.priority,
      version: jobs.version,
    })
    .from(jobs)
    .where(and(inArray(jobs.unitId, opts.unitIds), sql`(${statusCond})`))
    .orderBy(jobs.code)
    .limit(2000);
}

/** A courier who may be planned, with the post office's place (or the nearest unit above that has one). */
export type CandidateCourierRow = {
  id: string;
  full_name: string;
  unit_id: string;
  unit_name: string;
  on_duty: boolean | null;
  last_lat: number | null;
  last_lng: number | null;
  last_at: Date | string | null;
  office_lat: number | null;
  office_lng: number | null;
};

export async function findCandidateCouriers(
  db: DbOrTx,
  unitIds: string[],
): Promise<CandidateCourierRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<CandidateCourierRow>(
    db,
    sql`
    with recursive up as (
      select u.id as unit_id, u.id as at_id, u.parent_id, u.lat, u.lng, 0 as depth from units u
      where u.id in (${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select up.unit_id, p.id, p.parent_id, p.lat, p.lng, up.depth + 1 from units p join up on p.id = up.parent_id
      where up.lat is null or up.lng is null
    ),
    place as (
      select distinct on (unit_id) unit_id, lat, lng from up where lat is not null and lng is not null order by unit_id, depth
    )
    select us.id, us.full_name, us.unit_id, un.name as unit_name, cs.on_duty, cs.last_lat, cs.last_lng, cs.last_at,
           place.lat as office_lat, place.lng as office_lng
    from users us
    join units un on un.id = us.unit_id
    left join place on place.unit_id = us.unit_id
    left join courier_status cs on cs.courier_id = us.id
    where us.role = 'courier' and not us.disabled and us.unit_id in (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by us.full_name, us.username`,
  );
}

export async function insertPlan(db: DbOrTx, values: NewPlanRow): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(values).returning();
  return row!;
}

export async function findPlan(db: DbOrTx, id: string): Promise<PlanRow | undefined> {
  return (await db.select().from(plans).where(eq(plans.id, id)).limit(1))[0];
}

/** The plan, locked until the transaction ends (a second commit waits, then sees it committed). */
export async function findPlanForUpdate(tx: Tx, id: string): Promise<PlanRow | undefined> {
  return (await tx.select().from(plans).where(eq(plans.id, id)).for('update').limit(1))[0];
}

export async function updatePlan(
  db: DbOrTx,
  id: string,
  patch: Partial<NewPlanRow>,
): Promise<void> {
  await db
    .update(plans)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(plans.id, id));
}
