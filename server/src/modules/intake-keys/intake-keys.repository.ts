import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { findById, updateById } from '../../db/rows';
import { intakeApiKeys, intakeRateWindows, units, users } from '../../db/schema';

export type IntakeKeyRow = typeof intakeApiKeys.$inferSelect;

/** A key with the names lists print beside it. */
export type IntakeKeyView = IntakeKeyRow & { unitName: string; createdByName: string };

const viewColumns = {
  key: intakeApiKeys,
  unitName: units.name,
  createdByName: users.fullName,
};

function viewQuery(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(intakeApiKeys)
    .innerJoin(units, eq(units.id, intakeApiKeys.unitId))
    .innerJoin(users, eq(users.id, intakeApiKeys.createdBy));
}

const flatten = (r: { key: IntakeKeyRow; unitName: string; createdByName: string }) => ({
  ...r.key,
  unitName: r.unitName,
  createdByName: r.createdByName,
});

/** The keys of these units, newest first. */
export async function findKeysOfUnits(
  db: DbOrTx,
  unitIds: readonly string[],
): Promise<IntakeKeyView[]> {
  const rows = await viewQuery(db)
    .where(inArray(intakeApiKeys.unitId, [...unitIds]))
    .orderBy(desc(intakeApiKeys.createdAt), desc(intakeApiKeys.id));
  return rows.map(flatten);
}

/** One key with its names, or undefined. */
export async function findKeyView(db: DbOrTx, id: string): Promise<IntakeKeyView | undefined> {
  const [row] = await viewQuery(db).where(eq(intakeApiKeys.id, id)).limit(1);
  return row ? flatten(row) : undefined;
}

/** One key, or undefined. */
export const findKeyById = (db: DbOrTx, id: string) => findById(db, intakeApiKeys, id);

/** The key whose secret starts with this prefix, or undefined. */
export async function findKeyByPrefix(
  db: DbOrTx,
  prefix: string,
): Promise<IntakeKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(intakeApiKeys)
    .where(eq(intakeApiKeys.prefix, prefix))
    .limit(1);
  return row;
}

/** Inserts a key; undefined when its prefix is taken (the caller draws another). */
export async function insertKey(
  db: DbOrTx,
  values: typeof intakeApiKeys.$inferInsert,
): Promise<IntakeKeyRow | undefined> {
  const [row] = await db
    .insert(intakeApiKeys)
    .values(values)
    .onConflictDoNothing({ target: intakeApiKeys.prefix })
    .returning();
  return row;
}

/** Marks a key revoked (once: a revoked key keeps its first revocation). */
export async function revokeKey(db: DbOrTx, id: string, by: string) {
  return updateById(db, intakeApiKeys, id, { revokedAt: new Date(), revokedBy: by });
}

/** Notes the key was used, unless that was already noted within the last minute. */
export async function touchKey(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(intakeApiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(intakeApiKeys.id, id),
        or(
          isNull(intakeApiKeys.lastUsedAt),
          lt(intakeApiKeys.lastUsedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
}

/**
 * Counts one request of a key in its one-minute window, in one atomic statement: a new
 * window (count 1) when the current one is a minute old or more, else count + 1. Returns the
 * count in the window and the seconds until it ends.
 */
export async function countRequest(
  db: DbOrTx,
  apiKeyId: string,
): Promise<{ count: number; secondsLeft: number }> {
  const w = intakeRateWindows;
  const expired = sql`${w.windowStart} <= now() - interval '1 minute'`;
  const [row] = await queryRows<{ count: number; seconds_left: number | string }>(
    db,
    sql`
    insert into ${w} (api_key_id, window_start, count) values (${apiKeyId}, now(), 1)
    on conflict (api_key_id) do update set
      window_start = case when ${expired} then now() else ${w.windowStart} end,
      count = case when ${expired} then 1 else ${w.count} + 1 end
    returning count,
      extract(epoch from (window_start + interval '1 minute' - now())) as seconds_left`,
  );
  return { count: Number(row!.count), secondsLeft: Number(row!.seconds_left) };
}
