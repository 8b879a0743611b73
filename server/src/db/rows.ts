import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** A table whose key is a uuid `id`. */
type TableWithId = PgTable & { id: PgColumn };

/**
 * The by-id queries every repository writes the same way. They live here, in the database
 * layer, so each module's repository stays the only caller for its own tables.
 */

/** Inserts one row and returns it as stored (defaults filled in). */
export async function insertRow<T extends PgTable>(
  db: DbOrTx,
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const rows = await db
    .insert(table as PgTable)
    .values(values as never)
    .returning();
  return rows[0] as T['$inferSelect'];
}

/** One row by its id, or undefined. */
export async function findById<T extends TableWithId>(
  db: DbOrTx,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .select()
    .from(table as TableWithId)
    .where(eq(table.id, id))
    .limit(1);
  return rows[0] as T['$inferSelect'] | undefined;
}

/** Changes one row by its id and returns it (undefined when there is none). */
export async function updateById<T extends TableWithId>(
  db: DbOrTx,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .update(table as TableWithId)
    .set(set as never)
    .where(eq(table.id, id))
    .returning();
  return rows[0] as T['$inferSelect'] | undefined;
}

/** Inserts a row unless `unique` already holds its value; undefined when it was taken. */
export async function insertUnlessTaken<T extends TableWithId>(
  db: DbOrTx,
  table: T,
  values: T['$inferInsert'],
  unique: PgColumn,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .insert(table as TableWithId)
    .values(values as never)
    .onConflictDoNothing({ target: unique })
    .returning();
  return rows[0] as T['$inferSelect'] | undefined;
}
