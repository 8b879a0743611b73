import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

/** Carries the request id (or job id) through HTTP handlers, socket handlers and workers. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The process logger. Every line carries the current request id when there is one, so
 * one id follows a request through HTTP, sockets and background jobs. Personal data
 * (cookies, passwords, ID numbers) is redacted.
 */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
      '*.password',
      '*.cccd',
      '*.idNumber',
    ],
    censor: '[redacted]',
  },
  mixin() {
    const ctx = requestContext.getStore();
    return ctx ? { requestId: ctx.requestId } : {};
  },
});
