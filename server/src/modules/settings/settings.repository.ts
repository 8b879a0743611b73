import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { settings } from '../../db/schema';

export type SettingRow = typeof settings.$inferSelect;

/** The stored row of one setting, or undefined when unset. */
export async function findSettingRow(db: DbOrTx, key: string): Promise<SettingRow | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row;
}

/** The stored rows of several settings (unset ones are absent). */
export async function findSettingRows(db: DbOrTx, keys: readonly string[]): Promise<SettingRow[]> {
  return db
    .select()
    .from(settings)
    .where(inArray(settings.key, [...keys]));
}

/** Writes one setting (insert or replace) and returns the stored row. */
export async function upsertSetting(db: DbOrTx, key: string, value: unknown): Promise<SettingRow> {
  const [row] = await db
    .insert(settings)
    .values({ key, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
    .returning();
  return row!;
}
