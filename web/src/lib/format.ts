import {
  formatPhone as formatPhoneShared,
  formatVnDate,
  vnDateTimeParts,
  formatVnDateTime,
  formatVnd,
  maskPhone as maskPhoneShared,
} from '@tannha/shared';

// The shared helpers hold the rules (server and web must print the same receipt figures);
// these wrappers add what a screen needs: a visible dash for a missing value in a table cell
// or a fact. A sentence that names a value must not say "Hẹn —–—": the helpers that feed
// sentences (formatTime, formatWindow) answer null, and the screen says it in words.

const MISSING = '—';

/** Whole VND with Vietnamese grouping and a non-breaking space before ₫, e.g. `150.000 ₫`. */
export function formatMoney(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? MISSING : formatVnd(amount);
}

/** dd/MM/yyyy in Asia/Ho_Chi_Minh, whatever the browser's time zone. */
export function formatDate(value: Date | string | null | undefined): string {
  return value ? formatVnDate(value) : MISSING;
}

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return MISSING;
  return formatVnDateTime(typeof value === 'string' ? new Date(value) : value);
}

/** A phone number as people read it, e.g. `0912 345 678`. */
export function formatPhone(value: string | null | undefined): string {
  return value ? formatPhoneShared(value) : MISSING;
}

/** A phone number with the middle digits hidden, for screens that do not need all of it. */
export function maskPhone(value: string | null | undefined): string {
  return value ? maskPhoneShared(value) : MISSING;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:mm in Asia/Ho_Chi_Minh, or null when there is no time (say it in words, not "—"). */
export function formatTime(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const p = vnDateTimeParts(typeof value === 'string' ? new Date(value) : value);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * An appointment window as one phrase, `08:00–10:00 03/12/2026` (the date once; both dates
 * when it spans midnight), a start alone as `08:00 03/12/2026`, or null when there is no
 * window — the screen then says so in words ("Chưa hẹn giờ").
 */
export function formatWindow(
  start: Date | string | null | undefined,
  end: Date | string | null | undefined,
): string | null {
  const from = formatTime(start);
  if (!from || !start) return null;
  const day = formatVnDate(typeof start === 'string' ? new Date(start) : start);
  const to = formatTime(end);
  if (!to || !end) return `${from} ${day}`;
  const endDay = formatVnDate(typeof end === 'string' ? new Date(end) : end);
  return endDay === day ? `${from}–${to} ${day}` : `${from} ${day} – ${to} ${endDay}`;
}
