import { createWorkingCalendar, type WorkingCalendar } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { findHolidayEntries } from './calendar.repository';

/** The working-day calendar (weekends, public holidays, swapped days) from the holiday table. */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  return createWorkingCalendar(await findHolidayEntries(db));
}
