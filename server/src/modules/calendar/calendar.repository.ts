import type { HolidayEntry } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { holidays } from '../../db/schema';

/** Every row of the holiday calendar (holidays and swapped working days). */
export async function findHolidayEntries(db: DbOrTx): Promise<HolidayEntry[]> {
  const rows = await db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name })
    .from(holidays);
  return rows as HolidayEntry[];
}
