import { Router, type Response } from 'express';
import { LoginSchema, PasswordChangeSchema } from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { AppError } from '../../lib/errors';
import {
  clientAddressKey,
  loginRateLimits,
  passwordChangeRateLimit,
} from '../../middleware/rate-limit';
import { SESSION_COOKIE } from '../../middleware/session';
import { login, logout, SESSION_IDLE_MS } from './auth.service';
import { changeOwnPassword } from './change-password';

/** A throttled login tells the client when to come back in the standard header too. */
const withRetryAfter =
  (res: Response) =>
  (err: unknown): never => {
    const seconds = err instanceof AppError ? err.extra?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') res.setHeader('Retry-After', String(seconds));
    throw err;
  };

/**
 * POST /api/auth/login, POST /api/auth/logout, POST /api/auth/password, GET /api/me,
 * GET /api/auth/session
 */
export function authRoutes({ db, secureCookies }: ModuleDeps & { secureCookies: boolean }): Router {
  const router = Router();
  router.post(
    '/auth/login',
    ...loginRateLimits(),
    endpoint({ can: 'public', body: LoginSchema }, async ({ body, req, res }) => {
      const result = await login(db, {
        username: body.username,
        password: body.password,
        address: clientAddressKey(req),
        ip: req.ip,
        userAgent: req.get('user-agent'),
      }).catch(withRetryAfter(res));
      res.cookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        // https at the public address, or https to a proxy TRUST_PROXY trusts.
        secure: secureCookies || req.secure,
        signed: true,
        maxAge: SESSION_IDLE_MS,
        path: '/',
      });
      return { user: result.user };
    }),
  );
  router.post(
    '/auth/logout',
    endpoint({ can: 'auth.logout' }, async ({ auth, res }) => {
      await logout(db, auth);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return withStatus(204);
    }),
  );
  router.post(
    '/auth/password',
    passwordChangeRateLimit(),
    endpoint({ can: 'auth.change_password', body: PasswordChangeSchema }, ({ auth, body, req }) =>
      changeOwnPassword(db, auth, body, req.ip),
    ),
  );
  router.get(
    '/me',
    endpoint({ can: 'auth.me' }, ({ auth }) => ({ user: auth.user })),
  );
  // The app's own check on start: who is signed in, `{ user: null }` for nobody — a logged-out
  // visitor (the login page, the tracking page) is an answer, not a failed request.
  router.get(
    '/auth/session',
    endpoint({ can: 'public' }, ({ auth }) => ({ user: auth?.user ?? null })),
  );
  return router;
}
