import { Router, type Request } from 'express';
import cookieParser from 'cookie-parser';
import type { Database } from '../../db/client';
import { endpoint, withStatus } from '../../lib/http';
import { SESSION_COOKIE } from '../../middleware/session';
import { resolveSession } from '../auth/auth.service';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** A client on this machine talking to us directly (not through a proxy on this machine). */
function isLocalProbe(req: Request): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && req.get('x-forwarded-for') === undefined;
}

/** A signed-in admin; a database that cannot answer the session counts as nobody. */
async function isAdmin(database: Database, req: Request): Promise<boolean> {
  const token: unknown = req.signedCookies?.[SESSION_COOKIE];
  if (typeof token !== 'string' || token.length === 0) return false;
  try {
    return (await resolveSession(database.db, token))?.user.role === 'admin';
  } catch {
    return false;
  }
}

/** The reason without where the database lives: no URL, host, address or port. */
export function withoutAddresses(message: string): string {
  return message
    .replace(/postgres(ql)?:\/\/\S+/gi, '[address]')
    .replace(/\b(ENOTFOUND|EAI_AGAIN)\s+\S+/g, '$1 [address]')
    .replace(/\[[0-9a-f:.]+\](:\d+)?/gi, '[address]')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '[address]')
    .replace(/\b[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\b/gi, '[address]')
    .replace(/\b[\w-]+(\.[\w-]+)*:\d{2,5}\b/g, '[address]')
    .replace(/(\b(host|hostname|address)\s*[=:]?\s*)"?[\w.-]+"?/gi, '$1[address]');
}

/**
 * Liveness never touches the database; readiness does, with a short timeout. Anyone may ask
 * whether we are ready; which database and why it fails is told only to a signed-in admin or
 * to a probe on this machine, and never where the database lives.
 */
export function healthRoutes(database: Database, opts: { sessionSecret: string }): Router {
  const router = Router();
  router.get(
    '/healthz',
    endpoint({ can: 'public' }, () => ({ status: 'ok' })),
  );
  router.get(
    '/readyz',
    cookieParser(opts.sessionSecret),
    endpoint({ can: 'public' }, async ({ req }) => {
      let failure: Error | undefined;
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database ping timed out')), 2000).unref(),
          ),
        ]);
      } catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
      }
      const status = failure ? 'unavailable' : 'ready';
      const detailed = isLocalProbe(req) || (await isAdmin(database, req));
      const body = !detailed
        ? { status }
        : failure
          ? {
              status,
              database: database.kind,
              error: { code: 'database_unreachable', message: withoutAddresses(failure.message) },
            }
          : { status, database: database.kind };
      return failure ? withStatus(503, body) : body;
    }),
  );
  return router;
}
