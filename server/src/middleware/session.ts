import type { RequestHandler } from 'express';
import type { Db } from '../db/client';
import { resolveSession } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'tn_sid';

/**
 * Reads the signed session cookie and, when it names a live session, sets `req.auth`.
 * It never refuses: routes decide (401/403) through `endpoint({ can })`.
 */
export function sessionMiddleware(db: Db): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token = req.signedCookies?.[SESSION_COOKIE];
      if (typeof token === 'string' && token.length > 0) {
        const auth = await resolveSession(db, token);
        if (auth) req.auth = auth;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
