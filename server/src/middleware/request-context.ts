import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { logger, redactUrl, requestContext, serializeError } from '../lib/logger';

/**
 * Gives each request an id (or keeps a sane incoming X-Request-Id), the caller's locale,
 * and runs the rest of the request inside that context so every log line carries the id.
 */
export function requestContextMiddleware(): RequestHandler[] {
  const httpLogger = pinoHttp({
    logger,
    genReqId: (req) => (req as unknown as { requestId: string }).requestId,
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      // Query strings hold phone numbers, names and e-mails: only their keys reach the log.
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
      }),
      err: serializeError,
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
  const context: RequestHandler = (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && /^[\w.-]{8,80}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    req.locale = /^en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'vi';
    requestContext.run({ requestId: req.requestId }, () => next());
  };
  return [context, httpLogger];
}
