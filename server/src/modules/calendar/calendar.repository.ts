import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { HolidayEntry } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { holidays } from '../../db/schema';

export type HolidayRow = typeof holidays.$inferSelect;
export type HolidayInsert = typeof holidays.$inferInsert;

/** Every row of the holiday calendar (holidays and swapped working days). */
export async function findHolidayEntries(db: DbOrTx): Promise<HolidayEntry[]> {
  const rows = await db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name })
    .from(holidays);
  return rows as HolidayEntry[];
}

/** The calendar's days of one year (every day when no year is given), by date. */
export async function findHolidays(db: DbOrTx, year?: number): Promise<HolidayRow[]> {
  const where = year
    ? and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`))
    : undefined;
  return db.select().from(holidays).where(where).orderBy(asc(holidays.date));
}

/** One day of the calendar, or undefined. */
export async function findHoliday(db: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db.select().from(holidays).where(eq(holidays.date, date)).limit(1);
  return row;
}

/** Adds days; a date already in the calendar is left alone. Returns the rows added. */
export async function insertHolidays(db: DbOrTx, values: HolidayInsert[]): Promise<HolidayRow[]> {
  return db
    .insert(holidays)
    .values(values)
    .onConflictDoNothing({ target: holidays.date })
    .returning();
}

/** Removes one day; returns it, or undefined when it was not there. */
export async function deleteHoliday(db: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db.delete(holidays).where(eq(holidays.date, date)).returning();
  return row;
}
