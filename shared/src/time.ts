/**
 * Time in Vietnam. Instants are stored in UTC; everything a person sees, and every
 * "which day is it" question (due dates, receipt cut-off, reports by day), is answered in
 * Asia/Ho_Chi_Minh.
 *
 * Vietnam has been on a fixed UTC+7 with no daylight saving since 1975, so the offset is a
 * constant here rather than a lookup in the runtime's time-zone database: results are the
 * same in Node, in every browser, and whatever the machine's own zone is.
 *
 * Local dates travel as `YYYY-MM-DD` strings ("date strings"); they compare correctly as
 * plain strings.
 */

/** The IANA name of Vietnam's time zone (for APIs that want a zone name). */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

/** Vietnam's offset from UTC, in milliseconds (UTC+7, no DST). */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How far a device's clock may run ahead of the server's before a time it sends counts as
 * "in the future" (or a step before the job it belongs to). Couriers' phones drift and sync
 * late; five minutes covers what we see.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of an instant as read on a clock in Vietnam. */
export type VnDateTimeParts = {
  /** Local date as `YYYY-MM-DD`. */
  date: string;
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function assertInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError('Invalid date/time (thời điểm không hợp lệ)');
  return t;
}

/** Builds a date string from its parts without validation. */
function dateString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not).
 */
export function isDateString(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that.
  probe.setUTCFullYear(y);
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Parses a date string into the UTC-midnight epoch ms of that calendar date, or throws. */
function dateToUtcMs(dateStr: string): number {
  if (!isDateString(dateStr)) {
    throw new RangeError(`Invalid date '${String(dateStr)}': expected a real date as YYYY-MM-DD`);
  }
  const [y, m, d] = dateStr.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(2000, m - 1, d));
  probe.setUTCFullYear(y);
  return probe.getTime();
}

function utcMsToDate(ms: number): string {
  const d = new Date(ms);
  return dateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Splits an instant into what a clock in Vietnam shows at that moment. */
export function vnDateTimeParts(instant: Date): VnDateTimeParts {
  const local = new Date(assertInstant(instant) + VN_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  return {
    date: dateString(year, month, day),
    year,
    month,
    day,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    dayOfWeek: local.getUTCDay(),
  };
}

/** The local (Vietnam) calendar date of an instant, as `YYYY-MM-DD`. */
export function toVnDate(instant: Date): string {
  return vnDateTimeParts(instant).date;
}

/** An ISO 8601 date-time with an explicit zone, as instants travel in JSON. */
const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Formats a date the Vietnamese way, `dd/MM/yyyy`. Accepts an instant (read in Vietnam
 * time), a `YYYY-MM-DD` date string (taken as is), or an ISO date-time string with a zone
 * such as `2026-03-14T18:00:00Z` (an instant as JSON carries it, read in Vietnam time).
 *
 * @throws RangeError for any other string or an invalid Date.
 */
export function formatVnDate(value: Date | string): string {
  let date: string;
  if (typeof value !== 'string') date = toVnDate(value);
  else if (ISO_INSTANT_RE.test(value)) date = toVnDate(new Date(value));
  else date = utcMsToDate(dateToUtcMs(value));
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Formats an instant as `HH:mm dd/MM/yyyy` in Vietnam time (the appointment-slip form). */
export function formatVnDateTime(instant: Date): string {
  const p = vnDateTimeParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)} ${formatVnDate(p.date)}`;
}

/** The instant at which the given local date begins in Vietnam (00:00 at UTC+7). */
export function vnStartOfDay(dateStr: string): Date {
  return new Date(dateToUtcMs(dateStr) - VN_OFFSET_MS);
}

/** Calendar arithmetic on date strings: `addDays('2026-02-28', 1)` → `'2026-03-01'`. */
export function addDays(dateStr: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return utcMsToDate(dateToUtcMs(dateStr) + n * DAY_MS);
}

/** Day of the week of a date string: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(dateStr: string): number {
  return new Date(dateToUtcMs(dateStr)).getUTCDay();
}
