import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { AppError, localize } from '../lib/errors';

const tooMany = new AppError(429, 'rate_limited', {
  vi: 'Bạn thao tác quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.',
  en: 'Too many attempts. Please wait a few minutes and try again.',
});

function limiter(opts: {
  windowMs: number;
  limit: number;
  key: (req: Request) => string;
}): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: opts.key,
    handler: (req, res) => {
      res
        .status(429)
        .json({ error: { code: tooMany.code, message: localize(tooMany.text, req.locale) } });
    },
  });
}

const ipKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Login throttles: per client address (guessing many accounts) and per username
 * (guessing one account from many addresses). The account lock-out after five wrong
 * passwords sits on top of these, in the auth service.
 */
export function loginRateLimits(
  opts: { perIp?: number; perUsername?: number; windowMs?: number } = {},
): RequestHandler[] {
  const windowMs = opts.windowMs ?? 15 * 60_000;
  return [
    limiter({ windowMs, limit: opts.perIp ?? 30, key: (req) => 'ip:' + ipKey(req) }),
    limiter({
      windowMs,
      limit: opts.perUsername ?? 10,
      key: (req) =>
        'user:' +
        String((req.body as { username?: unknown } | undefined)?.username ?? '')
          .trim()
          .toLowerCase(),
    }),
  ];
}

/** Per-address throttle for public, unauthenticated look-ups (tracking). */
export function publicLookupRateLimit(
  opts: { limit?: number; windowMs?: number } = {},
): RequestHandler {
  return limiter({
    windowMs: opts.windowMs ?? 15 * 60_000,
    limit: opts.limit ?? 20,
    key: (req) => 'pub:' + ipKey(req),
  });
}

/** Per-address throttle for changing one's own password (guessing the current one with a stolen session). */
export function passwordChangeRateLimit(
  opts: { limit?: number; windowMs?: number } = {},
): RequestHandler {
  return limiter({
    windowMs: opts.windowMs ?? 15 * 60_000,
    limit: opts.limit ?? 10,
    key: (req) => 'pwd:' + ipKey(req),
  });
}
