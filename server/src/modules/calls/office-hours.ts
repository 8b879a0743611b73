import {
  isWorkingDay,
  nextWorkingDay,
  vnDateTimeParts,
  vnStartOfDay,
  type WorkingCalendar,
} from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { getSetting, SETTINGS } from '../settings/settings.service';

/**
 * The hotline's staffed hours (setting `office_hours`, local time): open on working days
 * (the holiday table decides, swapped Saturdays included) from `start` to `end`.
 */
export type OfficeHours = { start: string; end: string };
/** Kept for admin.settings.service.ts until it reads `SETTINGS` itself. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = SETTINGS.office_hours.fallback;

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** The working-day calendar and the desk's hours, read together. */
export async function loadOfficeHours(
  db: DbOrTx,
): Promise<{ cal: WorkingCalendar; hours: OfficeHours }> {
  const hours = await getSetting(db, 'office_hours');
  return { cal: await loadWorkingCalendar(db), hours };
}

/** Whether operators are on duty at `at`. */
export function isOpenAt(cal: WorkingCalendar, hours: OfficeHours, at: Date): boolean {
  const p = vnDateTimeParts(at);
  if (!isWorkingDay(cal, p.date)) return false;
  const m = p.hour * 60 + p.minute;
  return m >= minutes(hours.start) && m < minutes(hours.end);
}

/** The next time the desk opens after `at` (or `at` itself when open). */
export function nextOpening(cal: WorkingCalendar, hours: OfficeHours, at: Date): Date {
  if (isOpenAt(cal, hours, at)) return at;
  const p = vnDateTimeParts(at);
  const startMs = minutes(hours.start) * 60_000;
  const day =
    isWorkingDay(cal, p.date) && p.hour * 60 + p.minute < minutes(hours.start)
      ? p.date
      : nextWorkingDay(cal, p.date);
  return new Date(vnStartOfDay(day).getTime() + startMs);
}
