import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { jobHeadColumns } from '../../db/selections';
import { insertRow, updateById } from '../../db/rows';
import { calls, citizenAddresses, citizens, jobs, procedures } from '../../db/schema';

export type CitizenRow = typeof citizens.$inferSelect;
export type CitizenAddressRow = typeof citizenAddresses.$inferSelect;

/**
 * Where a caller is visible: their unit is one of the given units. The same rule as
 * `citizenScope` in policies/citizens.policy.ts, as a query filter.
 */
function visibleIn(unitIds: readonly string[]) {
  return inArray(citizens.unitId, [...unitIds]);
}

/** Citizens with this exact E.164 number, most recently updated first. */
export async function findCitizensByPhone(
  db: DbOrTx,
  e164: string,
  unitIds: readonly string[],
  limit = 10,
) {
  return db
    .select()
    .from(citizens)
    .where(and(eq(citizens.phone, e164), visibleIn(unitIds)))
    .orderBy(desc(citizens.updatedAt))
    .limit(limit);
}

/**
 * Name search ignoring diacritics and đ: every folded word must appear in the folded name,
 * or the whole query must be trigram-similar; best match first.
 */
export async function searchCitizensByName(
  db: DbOrTx,
  folded: string,
  unitIds: readonly string[],
  limit: number,
) {
  const words = folded.split(' ').filter(Boolean);
  const name = sql`vn_fold(${citizens.fullName})`;
  const allWords = sql.join(
    words.map((w) => sql`${name} like ${'%' + w.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`),
    sql` and `,
  );
  return db
    .select()
    .from(citizens)
    .where(
      and(visibleIn(unitIds), sql`((${allWords}) or word_similarity(${folded}, ${name}) > 0.5)`),
    )
    .orderBy(
      sql`${name} = ${folded} desc`,
      sql`word_similarity(${folded}, ${name}) desc`,
      asc(citizens.fullName),
    )
    .limit(limit);
}

/** Up to `limit` ids of callers with this exact number in the given units (for linking a call). */
export async function citizenIdsByPhone(
  db: DbOrTx,
  e164: string,
  unitIds: readonly string[],
  limit: number,
) {
  const rows = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(and(eq(citizens.phone, e164), visibleIn(unitIds)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function getCitizenRow(db: DbOrTx, id: string) {
  return (await db.select().from(citizens).where(eq(citizens.id, id)).limit(1))[0];
}

export async function addressesOf(db: DbOrTx, citizenIds: string[]) {
  if (citizenIds.length === 0) return [];
  return db
    .select()
    .from(citizenAddresses)
    .where(inArray(citizenAddresses.citizenId, citizenIds))
    .orderBy(desc(citizenAddresses.createdAt));
}

export const insertCitizen = (db: DbOrTx, values: typeof citizens.$inferInsert) =>
  insertRow(db, citizens, values);

export const updateCitizenRow = (
  db: DbOrTx,
  id: string,
  values: Partial<typeof citizens.$inferInsert>,
) => updateById(db, citizens, id, { ...values, updatedAt: new Date() });

export const insertAddress = (db: DbOrTx, values: typeof citizenAddresses.$inferInsert) =>
  insertRow(db, citizenAddresses, values);

export async function updateAddressRow(
  db: DbOrTx,
  id: string,
  citizenId: string,
  values: Partial<typeof citizenAddresses.$inferInsert>,
) {
  const [row] = await db
    .update(citizenAddresses)
    .set(values)
    .where(and(eq(citizenAddresses.id, id), eq(citizenAddresses.citizenId, citizenId)))
    .returning();
  return row;
}

export async function deleteAddressRow(db: DbOrTx, id: string, citizenId: string) {
  const rows = await db
    .delete(citizenAddresses)
    .where(and(eq(citizenAddresses.id, id), eq(citizenAddresses.citizenId, citizenId)))
    .returning({ id: citizenAddresses.id });
  return rows.length > 0;
}

/**
 * The caller's recent calls (by citizen or, for calls not yet linked, by the same number)
 * that the given units see: taken by one of them or forwarded to one of them.
 */
export async function recentCallsOf(
  db: DbOrTx,
  citizenId: string | null,
  phone: string,
  unitIds: readonly string[],
  limit: number,
) {
  const ids = [...unitIds];
  return db
    .select({
      id: calls.id,
      ticketCode: calls.ticketCode,
      direction: calls.direction,
      startedAt: calls.startedAt,
      category: calls.category,
      outcome: calls.outcome,
      content: calls.content,
      jobId: calls.jobId,
    })
    .from(calls)
    .where(
      and(
        citizenId
          ? or(eq(calls.citizenId, citizenId), eq(calls.callerPhone, phone))
          : eq(calls.callerPhone, phone),
        or(inArray(calls.unitId, ids), inArray(calls.forwardedUnitId, ids)),
      ),
    )
    .orderBy(desc(calls.startedAt))
    .limit(limit);
}

/** The citizen's jobs of the given units, newest first; `openOnly` leaves out finished ones. */
export async function jobsOf(
  db: DbOrTx,
  citizenId: string,
  unitIds: readonly string[],
  limit: number,
  openOnly = false,
) {
  const mine = and(eq(jobs.citizenId, citizenId), inArray(jobs.unitId, [...unitIds]));
  return db
    .select({
      ...jobHeadColumns,
      dueDate: jobs.dueDate,
      addressText: jobs.addressText,
      createdAt: jobs.createdAt,
      procedureName: procedures.name,
    })
    .from(jobs)
    .leftJoin(procedures, eq(procedures.id, jobs.procedureId))
    .where(
      openOnly
        ? and(mine, sql`${jobs.status} not in ('completed', 'returned', 'cancelled')`)
        : mine,
    )
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
}
