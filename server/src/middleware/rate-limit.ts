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
 * The client's address as throttles key it: `req.ip` (the proxy's client address when
 * TRUST_PROXY trusts it), an IPv6 address by its /64, since one host holds a whole /64.
 */
export const clientAddressKey = ipKey;

/**
 * The login's spraying guard: many attempts from one client address, whatever the usernames.
 * Guessing one account is slowed per username and address in the auth service, in the
 * database, so that nobody can lock another person out and every node shares the count.
 */
export function loginRateLimits(
  opts: { perIp?: number; windowMs?: number } = {},
): RequestHandler[] {
  const windowMs = opts.windowMs ?? 15 * 60_000;
  return [limiter({ windowMs, limit: opts.perIp ?? 30, key: (req) => 'ip:' + ipKey(req) })];
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

/**
 * Per-user throttle for look-ups that call an outside service (the geocoder), keyed by the
 * signed-in user (by address before sign-in). One count per app: build it in the routes.
 */
export function userRateLimit(opts: {
  name: string;
  limit: number;
  windowMs?: number;
}): RequestHandler {
  return limiter({
    windowMs: opts.windowMs ?? 60_000,
    limit: opts.limit,
    key: (req) => `${opts.name}:${req.auth ? 'u:' + req.auth.user.id : 'ip:' + ipKey(req)}`,
  });
}
