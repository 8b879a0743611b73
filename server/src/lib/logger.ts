import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdSerializers, type Logger, type LoggerOptions } from 'pino';

/** Carries the request id (or job id) through HTTP handlers, socket handlers and workers. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

const REDACTED = '[redacted]';

/**
 * Query parameters whose values say nothing about a person and help to read a log; every
 * other value (phone, q, name, email, address, code, …) is replaced, so a parameter added
 * tomorrow is private until someone decides otherwise.
 */
const PLAIN_QUERY_KEYS = new Set([
  'page',
  'pageSize',
  'limit',
  'offset',
  'cursor',
  'sort',
  'order',
  'status',
  'role',
  'kind',
  'type',
  'from',
  'to',
  'date',
  'day',
  'month',
  'since',
  'until',
  'format',
  'locale',
  'lang',
]);

/** The URL with the value of every query parameter that may name a person replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // An undecodable name is kept as sent; its value goes anyway.
      }
      if (eq < 0 || PLAIN_QUERY_KEYS.has(name) || /Id$/.test(name)) return pair;
      return `${key}=${REDACTED}`;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

// Properties database drivers hang on errors that carry the values of a query or a row:
// drizzle's `params`, PostgreSQL's `detail` ("Key (phone)=(09…) already exists"), `where`.
const VALUE_KEYS = new Set(['params', 'parameters', 'detail', 'where', 'body', 'values']);

function scrubError(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 5) return value;
  const plain: Record<string, unknown> =
    value instanceof Error
      ? (stdSerializers.err(value) as unknown as Record<string, unknown>)
      : { ...(value as Record<string, unknown>) };
  // The driver's own error (its code, constraint, table) is what explains a failed query.
  if (value instanceof Error && value.cause !== undefined && plain.cause === undefined)
    plain.cause = value.cause;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(plain)) {
    if (VALUE_KEYS.has(key)) out[key] = REDACTED;
    else if ((key === 'message' || key === 'stack') && typeof v === 'string')
      // drizzle writes the parameters into the message: "Failed query: …\nparams: 0912…,Nguyễn…"
      out[key] = v.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, `\nparams: ${REDACTED}`);
    else if (key === 'cause' || key === 'errors') out[key] = scrubNested(v, depth);
    else out[key] = v;
  }
  return out;
}

function scrubNested(v: unknown, depth: number): unknown {
  return Array.isArray(v) ? v.map((e) => scrubError(e, depth + 1)) : scrubError(v, depth + 1);
}

/** An error for the log: its stack and code, without the values of the query that failed. */
export function serializeError(err: unknown): unknown {
  return scrubError(err, 0);
}

/** The options every logger of the process is built with (tests build one on their own stream). */
export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers["x-twilio-signature"]',
      'res.headers["set-cookie"]',
      '*.password',
      '*.cccd',
      '*.idNumber',
      '*.phone',
      '*.email',
      '*.fullName',
      '*.citizenName',
      '*.address',
    ],
    censor: REDACTED,
  },
  serializers: { err: serializeError },
  mixin() {
    const ctx = requestContext.getStore();
    return ctx ? { requestId: ctx.requestId } : {};
  },
};

/**
 * The process logger. Every line carries the current request id when there is one, so
 * one id follows a request through HTTP, sockets and background jobs. Personal data
 * (cookies, passwords, ID numbers, phones, names, query values, a failed query's
 * parameters) is redacted.
 */
export const logger: Logger = pino(loggerOptions);
