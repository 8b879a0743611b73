import { ApiError } from '@/lib/api-client';

/** A time of day in Vietnam, `HH:mm`. */
export const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

/** Metres as kilometres with one decimal, in the page's language. */
export const km = (m: number, locale: string) =>
  (m / 1000).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });

/** The message of a failed request, for the alert above the routes. */
export function errorText(error: unknown): string | undefined {
  if (!error) return undefined;
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}
