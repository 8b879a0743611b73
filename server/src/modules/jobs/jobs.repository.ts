import { and, asc, count, desc, eq, gt, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@tannha/shared';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import { insertRow } from '../../db/rows';
import {
  calls,
  citizens,
  counters,
  jobEvents,
  jobs,
  procedures,
  units,
  users,
} from '../../db/schema';

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type JobEventRow = typeof jobEvents.$inferSelect;
export type NewJobEventRow = typeof jobEvents.$inferInsert;

const courier = alias(users, 'courier');

/** A job with the names the API shows next to it. */
export type JobView = {
  job: JobRow;
  unitName: string;
  citizenName: string;
  citizenPhone: string;
  /** The last 4 digits of the citizen's CCCD on file (null: none on file). */
  citizenCccdLast4: string | null;
  procedure: {
    id: string;
    code: string;
    name: string;
    inPersonOnly: boolean;
    requiredPapers: string[];
  } | null;
  courierName: string | null;
};

const viewColumns = {
  job: jobs,
  unitName: units.name,
  citizenName: citizens.fullName,
  citizenPhone: citizens.phone,
  citizenCccdLast4: citizens.cccdLast4,
  procId: procedures.id,
  procCode: procedures.code,
  procName: procedures.name,
  procInPerson: procedures.inPersonOnly,
  procPapers: procedures.requiredPapers,
  courierName: courier.fullName,
};

type RawView = {
  job: JobRow;
  unitName: string;
  citizenName: string;
  citizenPhone: string;
  citizenCccdLast4: string | null;
  procId: string | null;
  procCode: string | null;
  procName: string | null;
  procInPerson: boolean | null;
  procPapers: string[] | null;
  courierName: string | null;
};

function toView(r: RawView): JobView {
  return {
    job: r.job,
    unitName: r.unitName,
    citizenName: r.citizenName,
    citizenPhone: r.citizenPhone,
    citizenCccdLast4: r.citizenCccdLast4,
    procedure: r.procId
      ? {
          id: r.procId,
          code: r.procCode!,
          name: r.procName!,
          inPersonOnly: r.procInPerson ?? false,
          requiredPapers: r.procPapers ?? [],
        }
      : null,
    courierName: r.courierName,
  };
}

function viewQuery(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(jobs)
    .innerJoin(units, eq(units.id, jobs.unitId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .leftJoin(procedures, eq(procedures.id, jobs.procedureId))
    .leftJoin(courier, eq(courier.id, jobs.courierId));
}

/** Jobs with their names, filtered, ordered and paged. */
export async function findJobViews(
  db: DbOrTx,
  opts: { where?: SQL | undefined; orderBy?: SQL[]; limit?: number; offset?: number },
): Promise<JobView[]> {
  let q = viewQuery(db).where(opts.where).$dynamic();
  q = q.orderBy(...(opts.orderBy ?? [desc(jobs.createdAt)]));
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset);
  return ((await q) as RawView[]).map(toView);
}

/** How many jobs match (same joins as the list, so `q` can search the citizen's name). */
export async function countJobViews(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobs)
    .innerJoin(units, eq(units.id, jobs.unitId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .where(where);
  return Number(row?.n ?? 0);
}

export async function findJobViewById(db: DbOrTx, id: string): Promise<JobView | undefined> {
  return (await findJobViews(db, { where: eq(jobs.id, id), limit: 1 }))[0];
}

export async function findJobViewsByIds(db: DbOrTx, ids: string[]): Promise<JobView[]> {
  if (ids.length === 0) return [];
  return findJobViews(db, { where: inArray(jobs.id, ids) });
}

export async function findJobById(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  return (await db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0];
}

export const insertJob = (tx: Tx, values: NewJobRow): Promise<JobRow> =>
  insertRow(tx, jobs, values);

/**
 * Updates a job only if it still has `version` (optimistic concurrency) and bumps the
 * version. Returns undefined when someone else changed it first. On PostgreSQL a
 * concurrent writer waits for the first's row lock and then finds the version moved on.
 */
export async function updateJobIfVersion(
  tx: Tx,
  id: string,
  version: number,
  patch: Partial<NewJobRow>,
): Promise<JobRow | undefined> {
  const [row] = await tx
    .update(jobs)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(jobs.id, id), eq(jobs.version, version)))
    .returning();
  return row;
}

export const insertJobEvent = (tx: Tx, values: NewJobEventRow): Promise<JobEventRow> =>
  insertRow(tx, jobEvents, values);

/** A job's timeline, oldest first, with the actor's name. */
export async function findJobEvents(db: DbOrTx, jobId: string) {
  return db
    .select({ event: jobEvents, actorName: users.fullName })
    .from(jobEvents)
    .leftJoin(users, eq(users.id, jobEvents.actorId))
    .where(eq(jobEvents.jobId, jobId))
    .orderBy(asc(jobEvents.occurredAt), asc(jobEvents.id));
}

/** Ids of jobs that got events after `since`, limited; and the newest event id. */
export async function findJobIdsChangedSince(
  db: DbOrTx,
  since: number,
  where: SQL | undefined,
  limit: number,
) {
  const rows = await db
    .select({ jobId: jobEvents.jobId, maxId: sql<number>`max(${jobEvents.id})`.mapWith(Number) })
    .from(jobEvents)
    .innerJoin(jobs, eq(jobs.id, jobEvents.jobId))
    .where(and(gt(jobEvents.id, since), where))
    .groupBy(jobEvents.jobId)
    .orderBy(sql`max(${jobEvents.id})`)
    .limit(limit + 1);
  return rows;
}

/** The newest job event id (the realtime catch-up cursor). */
export async function latestJobEventId(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ id: string | number | null }>(
    db,
    sql`select max(id) as id from job_events`,
  );
  return Number(rows[0]?.id ?? 0);
}

/**
 * Advances the gapless daily job counter inside the caller's transaction and returns the
 * new value. The first use of a day's key starts after the highest code already issued
 * that day (codes written by imports or demo data), so codes never collide.
 */
export async function nextJobSequence(tx: Tx, prefix: string): Promise<number> {
  const key = `job:${prefix}`;
  const rows = await queryRows<{ value: string | number }>(
    tx,
    sql`
    insert into ${counters} (key, value)
    values (${key}, (select coalesce(max(nullif(regexp_replace(substr(code, ${prefix.length + 1}), '\\D', '', 'g'), '')::bigint), 0) + 1
                     from ${jobs} where code like ${prefix + '%'}))
    on conflict (key) do update set value = ${counters.value} + 1
    returning value`,
  );
  return Number(rows[0]!.value);
}

/** The fields of a courier that assignment checks. */
export async function findUserBrief(db: DbOrTx, id: string) {
  return (
    await db
      .select({
        id: users.id,
        fullName: users.fullName,
        role: users.role,
        unitId: users.unitId,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.id, id))
      .limit(1)
  )[0];
}

/** A citizen's id and unit (what a new job checks before linking them). */
export async function findCitizenBrief(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: citizens.id, unitId: citizens.unitId })
      .from(citizens)
      .where(eq(citizens.id, id))
      .limit(1)
  )[0];
}

/** A call's id and the units that see it (what a new job checks before linking it). */
export async function findCallBrief(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: calls.id, unitId: calls.unitId, forwardedUnitId: calls.forwardedUnitId })
      .from(calls)
      .where(eq(calls.id, id))
      .limit(1)
  )[0];
}

export async function findProcedureBrief(db: DbOrTx, id: string) {
  return (await db.select().from(procedures).where(eq(procedures.id, id)).limit(1))[0];
}

/**
 * The live result delivery of a dossier (a dossier code enters once: the partial unique
 * index jobs_result_dossier_uq), or undefined.
 */
export async function findLiveResultByDossier(db: DbOrTx, dossierCode: string) {
  return (
    await db
      .select({ id: jobs.id, code: jobs.code })
      .from(jobs)
      .where(
        and(
          eq(jobs.type, 'result_delivery'),
          eq(jobs.dossierCode, dossierCode),
          sql`${jobs.status} <> 'cancelled'`,
        ),
      )
      .limit(1)
  )[0];
}

/** Open jobs per courier (for the courier list and suggestions). */
export async function countOpenJobsByCourier(
  db: DbOrTx,
  courierIds: string[],
): Promise<Map<string, number>> {
  if (courierIds.length === 0) return new Map();
  const rows = await db
    .select({ courierId: jobs.courierId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(jobs)
    .where(
      and(inArray(jobs.courierId, courierIds), notInArray(jobs.status, [...TERMINAL_STATUSES])),
    )
    .groupBy(jobs.courierId);
  return new Map(rows.map((r) => [r.courierId!, r.n]));
}

/** A courier's open jobs, by code (a sick courier's day). */
export async function findOpenJobsOfCourier(db: DbOrTx, courierId: string) {
  return db
    .select({ id: jobs.id, status: jobs.status, heldFrom: jobs.heldFrom, code: jobs.code })
    .from(jobs)
    .where(and(eq(jobs.courierId, courierId), notInArray(jobs.status, [...TERMINAL_STATUSES])))
    .orderBy(jobs.code);
}

/** What the planner checks before committing: each job's version, courier and stop number. */
export async function findJobRouteStates(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: jobs.id,
      code: jobs.code,
      version: jobs.version,
      status: jobs.status,
      courierId: jobs.courierId,
      routeOrder: jobs.routeOrder,
    })
    .from(jobs)
    .where(inArray(jobs.id, ids));
}

/** Sets (or clears) a job's stop number on its courier's route and bumps its version. */
export async function setJobRouteOrder(tx: Tx, id: string, routeOrder: number | null) {
  await tx
    .update(jobs)
    .set({ routeOrder, version: sql`${jobs.version} + 1`, updatedAt: new Date() })
    .where(eq(jobs.id, id));
}

/**
 * Reserves `n` consecutive numbers of the gapless daily job counter at once (a bulk intake)
 * and returns the first. Same start rule as {@link nextJobSequence}.
 */
export async function reserveJobSequence(tx: Tx, prefix: string, n: number): Promise<number> {
  const key = `job:${prefix}`;
  const rows = await queryRows<{ value: string | number }>(
    tx,
    sql`
    insert into ${counters} (key, value)
    values (${key}, (select coalesce(max(nullif(regexp_replace(substr(code, ${prefix.length + 1}), '\\D', '', 'g'), '')::bigint), 0) + ${n}
                     from ${jobs} where code like ${prefix + '%'}))
    on conflict (key) do update set value = ${counters.value} + ${n}
    returning value`,
  );
  return Number(rows[0]!.value) - n + 1;
}

/** Inserts many jobs in one statement and returns them as stored, in the order given. */
export async function insertJobs(tx: Tx, values: NewJobRow[]): Promise<JobRow[]> {
  if (values.length === 0) return [];
  const rows = await tx.insert(jobs).values(values).returning();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return values.map((v) => byCode.get(v.code)!);
}

/** Inserts many job events in one statement and returns them, in the order given. */
export async function insertJobEvents(tx: Tx, values: NewJobEventRow[]): Promise<JobEventRow[]> {
  if (values.length === 0) return [];
  const rows = await tx.insert(jobEvents).values(values).returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** The live result deliveries of these dossier codes (a dossier code enters once). */
export async function findLiveResultsByDossiers(db: DbOrTx, dossierCodes: string[]) {
  if (dossierCodes.length === 0) return [];
  return db
    .select({ job: jobs, citizenPhone: citizens.phone })
    .from(jobs)
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .where(
      and(
        eq(jobs.type, 'result_delivery'),
        inArray(jobs.dossierCode, dossierCodes),
        sql`${jobs.status} <> 'cancelled'`,
      ),
    );
}
