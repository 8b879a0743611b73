import {
  formatPhone as formatPhoneShared,
  formatVnDate,
  formatVnDateTime,
  formatVnd,
  maskPhone as maskPhoneShared,
} from '@tannha/shared';

// The shared helpers hold the rules (server and web must print the same receipt figures);
// these wrappers add what a screen needs: a visible dash for missing values.

const MISSING = '—';

/** Whole VND with Vietnamese grouping, e.g. `150.000 ₫`. */
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
