import { EVERY_ROLE, definePolicy } from './policy';
import { ADMIN_READERS, ADMINS, provinceWide } from './province';

/** The working-day calendar (holidays and swapped working days). */
export const calendarPolicy = definePolicy({
  'calendar.read': { roles: EVERY_ROLE },
  'calendar.admin_list': { roles: ADMIN_READERS },
  /** Adding, removing and filling in days; the record is the day (or year) changed. */
  'calendar.update': { roles: ADMINS, record: provinceWide },
});
