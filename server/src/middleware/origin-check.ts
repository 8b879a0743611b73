import type { RequestHandler } from 'express';
import { forbidden } from '../lib/errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence next to SameSite=Lax cookies: a browser always sends Origin on a
 * cross-site write, so a write whose Origin is neither our public URL nor the host it
 * was sent to is refused. Non-browser clients send no Origin and are not affected.
 */
export function originCheck(publicBaseUrl: string): RequestHandler {
  const allowed = new URL(publicBaseUrl).origin;
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin');
    if (!origin) return next();
    const self = `${req.protocol}://${req.get('host')}`;
    if (origin === allowed || origin === self) return next();
    next(
      forbidden({
        vi: 'Yêu cầu bị từ chối vì đến từ một trang web khác.',
        en: 'Request refused: it came from another web site.',
      }),
    );
  };
}
