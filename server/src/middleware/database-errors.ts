import { DatabaseUnavailableError } from '../db/client';
import { AppError } from '../lib/errors';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket-level errors of a lost or refused connection (node-postgres passes them on). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean "the server is not there for you right now": admin or crash
 * shutdown, cannot connect now, too many connections; class 08 is every connection exception.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages of node-postgres, its pool and PGlite when the connection is gone or closed. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error|Client was closed|connect ECONNREFUSED|PGlite is closed|database closed/i;

function isUnavailable(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  if (!e || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === 'string' && MESSAGES.test(message);
}

/**
 * Whether an error (or one of its causes: Drizzle wraps the driver's error) says the database
 * cannot be reached, as opposed to a query that failed.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 6 && e; i++) {
    if (isUnavailable(e)) return true;
    if (e instanceof AggregateError && e.errors.some(isUnavailable)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** 503 while the database is unreachable; the error handler adds `Retry-After`. */
export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError(
    503,
    'database_unavailable',
    {
      vi: 'Hệ thống đang tạm gián đoạn, vui lòng thử lại sau ít phút.',
      en: 'The service is briefly unavailable; please try again in a few minutes.',
    },
    { cause },
  );
}
