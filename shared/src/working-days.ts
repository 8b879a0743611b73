/**
 * Working-day arithmetic for legal time limits (processing times, postal-leg limits J+n,
 * lateness). A working day is Monday–Friday that is not a holiday, or a swapped working
 * day (a Saturday/Sunday the government declared worked). The holidays come from the
 * admin-edited calendar ({@link HolidayEntry} rows, pre-filled by `defaultHolidays`).
 *
 * Dates are local (Asia/Ho_Chi_Minh) `YYYY-MM-DD` strings; functions that take an instant
 * read it in Vietnam time first.
 */

import type { HolidayEntry } from './holidays';
import { addDays, dayOfWeek, isDateString, vnDateTimeParts } from './time';

/** A prepared, immutable holiday calendar. Build it with {@link createWorkingCalendar}. */
export type WorkingCalendar = {
  /** Local dates that are days off (public holidays, compensatory days). */
  readonly holidays: ReadonlySet<string>;
  /** Local dates on a weekend that are worked (swapped working days). */
  readonly workingDays: ReadonlySet<string>;
};

/** Upper bound on the days scanned for the next working day (a calendar with none is an error). */
const MAX_SCAN_DAYS = 366;

/**
 * Prepares a holiday calendar from its rows. If a date appears both as a holiday and as a
 * working day, the holiday wins (the safer reading for citizens' deadlines).
 *
 * @throws RangeError for a row whose date is not a real `YYYY-MM-DD` date.
 */
export function createWorkingCalendar(entries: readonly HolidayEntry[]): WorkingCalendar {
  const holidays = new Set<string>();
  const workingDays = new Set<string>();
  for (const e of entries) {
    if (!isDateString(e.date))
      throw new RangeError(`Holiday calendar: invalid date '${String(e.date)}'`);
    (e.kind === 'holiday' ? holidays : workingDays).add(e.date);
  }
  for (const d of holidays) workingDays.delete(d);
  return Object.freeze({ holidays, workingDays });
}

/** Whether a local date is a working day: Mon–Fri and not a holiday, or a swapped working day. */
export function isWorkingDay(cal: WorkingCalendar, dateStr: string): boolean {
  const dow = dayOfWeek(dateStr); // also validates dateStr
  if (cal.holidays.has(dateStr)) return false;
  if (cal.workingDays.has(dateStr)) return true;
  return dow !== 0 && dow !== 6;
}

/** The first working day strictly after `dateStr`. */
export function nextWorkingDay(cal: WorkingCalendar, dateStr: string): string {
  let d = dateStr;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) return d;
  }
  throw new RangeError(
    `No working day within ${MAX_SCAN_DAYS} days after ${dateStr}: check the holiday calendar`,
  );
}

/**
 * J+n: the n-th working day after `dateStr`. With n = 0, `dateStr` itself if it is a
 * working day, else the next working day.
 *
 * @throws RangeError if n is not a non-negative integer.
 */
export function addWorkingDays(cal: WorkingCalendar, dateStr: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays needs a whole number of days ≥ 0, got ${n}`);
  }
  let d = n === 0 && isWorkingDay(cal, dateStr) ? dateStr : nextWorkingDay(cal, dateStr);
  for (let i = 1; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/**
 * How many working days have passed between two instants: the working days whose local
 * date is strictly after the local date of `fromInstant` and on or before the local date
 * of `toInstant`. The day of `from` itself does not count (like J+n counting), the day of
 * `to` does; so a dossier received Monday and looked at on Tuesday has used 1 working day.
 * 0 when `toInstant` is not after `fromInstant`.
 */
export function countWorkingDays(cal: WorkingCalendar, fromInstant: Date, toInstant: Date): number {
  if (!(toInstant.getTime() > fromInstant.getTime())) return 0;
  const end = vnDateTimeParts(toInstant).date;
  let d = vnDateTimeParts(fromInstant).date;
  let count = 0;
  while (d < end) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}

/** Milliseconds since local midnight of a cut-off written `HH:mm`. */
function cutoffMs(cutoff: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff);
  if (!m) throw new RangeError(`Invalid cut-off time '${cutoff}': expected HH:mm`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/**
 * The local date from which a dossier's time limit counts (DOMAIN.md: "Dossiers received
 * after 15:00 count from the next working day"): the date it was received, or the next
 * working day when it was received after the cut-off (15:00:00 exactly still counts the
 * same day) or on a day that is not a working day.
 */
export function effectiveReceiptDate(
  cal: WorkingCalendar,
  receivedAt: Date,
  cutoff = '15:00',
): string {
  const limit = cutoffMs(cutoff);
  const p = vnDateTimeParts(receivedAt);
  const sinceMidnight = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + p.millisecond;
  if (sinceMidnight > limit || !isWorkingDay(cal, p.date)) return nextWorkingDay(cal, p.date);
  return p.date;
}

export type DueDateOptions = {
  /** Receipts after this local time (`HH:mm`) count from the next working day. Default `15:00`. */
  cutoff?: string;
};

/**
 * The local date a result is due: `workingDays` working days after the effective receipt
 * date (see {@link effectiveReceiptDate}). Received Monday 10:00 with 1 working day → due
 * Tuesday.
 */
export function dueDate(
  cal: WorkingCalendar,
  receivedAt: Date,
  workingDays: number,
  opts: DueDateOptions = {},
): string {
  return addWorkingDays(cal, effectiveReceiptDate(cal, receivedAt, opts.cutoff), workingDays);
}

/**
 * Whether something due on `dueDateStr` is late at instant `at`: late once the local date
 * of `at` is after the due date (the whole due day is allowed).
 */
export function isLate(cal: WorkingCalendar, dueDateStr: string, at: Date): boolean {
  if (!isDateString(dueDateStr)) throw new RangeError(`Invalid due date '${dueDateStr}'`);
  return vnDateTimeParts(at).date > dueDateStr;
}
