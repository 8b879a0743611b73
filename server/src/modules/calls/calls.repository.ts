import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client';
import { findById, insertRow, updateById } from '../../db/rows';
import { callCallbacks, calls, citizens, jobs, procedures, units, users } from '../../db/schema';

export type CallRow = typeof calls.$inferSelect;
export type CallbackRow = typeof callCallbacks.$inferSelect;
/** The values of a new call row. */
export type NewCallRow = typeof calls.$inferInsert;

/** Next number of the gapless call counter, inside the caller's transaction. */
export async function nextCallNumber(tx: DbOrTx): Promise<number> {
  const rows = await queryRows<{ value: number | string }>(
    tx,
    sql`insert into counters (key, value) values ('call', 1)
        on conflict (key) do update set value = counters.value + 1 returning value`,
  );
  return Number(rows[0]!.value);
}

export const insertCall = (tx: DbOrTx, values: typeof calls.$inferInsert) =>
  insertRow(tx, calls, values);

export async function getCallRow(db: DbOrTx, id: string, forUpdate = false) {
  const q = db.select().from(calls).where(eq(calls.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
}

export async function getCallBySid(db: DbOrTx, sid: string) {
  return (await db.select().from(calls).where(eq(calls.twilioCallSid, sid)).limit(1))[0];
}

export async function updateCallRow(
  db: DbOrTx,
  id: string,
  values: Partial<typeof calls.$inferInsert>,
) {
  const [row] = await db
    .update(calls)
    .set({ ...values, updatedAt: new Date(), version: sql`${calls.version} + 1` })
    .where(eq(calls.id, id))
    .returning();
  return row;
}

/** Whether a unit exists (any unit: feedback may be forwarded outside the caller's tree). */
export async function unitExists(db: DbOrTx, id: string): Promise<boolean> {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, id)).limit(1);
  return u !== undefined;
}

const fwdUnit = alias(units, 'fwd_unit');

/** Calls with the names the screen shows (citizen, operator, procedure, forwarded unit, job code). */
export function callViewQuery(db: DbOrTx) {
  return db
    .select({
      call: calls,
      citizenName: citizens.fullName,
      operatorName: users.fullName,
      procedureName: procedures.name,
      forwardedUnitName: fwdUnit.name,
      jobCode: jobs.code,
    })
    .from(calls)
    .leftJoin(citizens, eq(citizens.id, calls.citizenId))
    .leftJoin(users, eq(users.id, calls.operatorId))
    .leftJoin(procedures, eq(procedures.id, calls.procedureId))
    .leftJoin(fwdUnit, eq(fwdUnit.id, calls.forwardedUnitId))
    .leftJoin(jobs, eq(jobs.id, calls.jobId));
}
export type CallView = Awaited<ReturnType<ReturnType<typeof callViewQuery>['where']>>[number];

export async function getCallView(db: DbOrTx, id: string) {
  return (await callViewQuery(db).where(eq(calls.id, id)).limit(1))[0];
}

export async function listCallViews(
  db: DbOrTx,
  where: SQL | undefined,
  limit: number,
  offset: number,
) {
  return callViewQuery(db).where(where).orderBy(desc(calls.startedAt)).limit(limit).offset(offset);
}

export async function countCalls(db: DbOrTx, where: SQL | undefined) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(calls)
    .where(where);
  return r?.n ?? 0;
}

export function callFilters(f: {
  unitIds: readonly string[];
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
  category?: string | undefined;
  outcome?: string | undefined;
  direction?: string | undefined;
  operatorId?: string | undefined;
  phone?: string | undefined;
  q?: string | undefined;
  open?: boolean | undefined;
}): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    or(inArray(calls.unitId, [...f.unitIds]), inArray(calls.forwardedUnitId, [...f.unitIds])),
  ];
  if (f.fromInstant) parts.push(gte(calls.startedAt, f.fromInstant));
  if (f.toInstant) parts.push(lt(calls.startedAt, f.toInstant));
  if (f.category) parts.push(eq(calls.category, f.category));
  if (f.outcome) parts.push(eq(calls.outcome, f.outcome));
  if (f.direction) parts.push(eq(calls.direction, f.direction));
  if (f.operatorId) parts.push(eq(calls.operatorId, f.operatorId));
  if (f.phone) parts.push(eq(calls.callerPhone, f.phone));
  if (f.open === true) parts.push(isNull(calls.closedAt));
  if (f.open === false) parts.push(sql`${calls.closedAt} is not null`);
  if (f.q) {
    const like = '%' + f.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%';
    parts.push(
      or(
        sql`${calls.ticketCode} ilike ${like}`,
        sql`vn_fold(coalesce(${calls.content}, '')) like vn_fold(${like})`,
      ),
    );
  }
  return and(...parts);
}

/** Feedback still unanswered whose due date is before `before` (a local date). */
export async function listOpenFeedback(db: DbOrTx, unitIds: readonly string[], before: string) {
  return callViewQuery(db)
    .where(
      and(
        or(inArray(calls.unitId, [...unitIds]), inArray(calls.forwardedUnitId, [...unitIds])),
        eq(calls.category, 'feedback'),
        isNull(calls.answeredFeedbackAt),
        lt(calls.feedbackDueDate, before),
      ),
    )
    .orderBy(asc(calls.feedbackDueDate))
    .limit(500);
}

/**
 * Open inbound calls in hours with no outcome and no write since the cut-off: unclaimed ones
 * (no operator) after `unclaimedBefore`, claimed ones after `claimedBefore`.
 */
export async function listUnsettledInboundCalls(
  db: DbOrTx,
  f: { unclaimedBefore: Date; claimedBefore: Date; startedAfter: Date },
) {
  return db
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        eq(calls.direction, 'inbound'),
        eq(calls.outOfHours, false),
        isNull(calls.outcome),
        isNull(calls.closedAt),
        gte(calls.startedAt, f.startedAfter),
        or(
          and(isNull(calls.operatorId), lt(calls.updatedAt, f.unclaimedBefore)),
          lt(calls.updatedAt, f.claimedBefore),
        ),
      ),
    )
    .orderBy(asc(calls.startedAt))
    .limit(200);
}

export const insertCallback = (tx: DbOrTx, values: typeof callCallbacks.$inferInsert) =>
  insertRow(tx, callCallbacks, values);

export async function openCallbackForCall(db: DbOrTx, callId: string) {
  return (
    await db
      .select()
      .from(callCallbacks)
      .where(and(eq(callCallbacks.callId, callId), eq(callCallbacks.status, 'open')))
      .limit(1)
  )[0];
}

const assignee = alias(users, 'assignee');

export async function listCallbackViews(db: DbOrTx, where: SQL | undefined, limit: number) {
  return db
    .select({
      cb: callCallbacks,
      ticketCode: calls.ticketCode,
      recordingUrl: calls.recordingUrl,
      citizenName: citizens.fullName,
      assignedName: assignee.fullName,
    })
    .from(callCallbacks)
    .innerJoin(calls, eq(calls.id, callCallbacks.callId))
    .leftJoin(citizens, eq(citizens.id, callCallbacks.citizenId))
    .leftJoin(assignee, eq(assignee.id, callCallbacks.assignedTo))
    .where(where)
    .orderBy(asc(callCallbacks.dueAt))
    .limit(limit);
}

export async function getCallbackView(db: DbOrTx, id: string) {
  return (await listCallbackViews(db, eq(callCallbacks.id, id), 1))[0];
}

export function callbackFilters(f: {
  unitIds: readonly string[];
  status: string;
  mineId?: string | undefined;
  dueBy?: Date | undefined;
}) {
  return and(
    inArray(callCallbacks.unitId, [...f.unitIds]),
    eq(callCallbacks.status, f.status),
    f.mineId
      ? or(eq(callCallbacks.assignedTo, f.mineId), isNull(callCallbacks.assignedTo))
      : undefined,
    f.dueBy ? lte(callCallbacks.dueAt, f.dueBy) : undefined,
  );
}

export const getCallbackRow = (db: DbOrTx, id: string) => findById(db, callCallbacks, id);

export const updateCallbackRow = (
  db: DbOrTx,
  id: string,
  values: Partial<typeof callCallbacks.$inferInsert>,
) => updateById(db, callCallbacks, id, values);
