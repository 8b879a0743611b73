import path from 'node:path';
import compression from 'compression';
import type { Express, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** A year: hashed files never change under their name, a new build gives new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked again on every use (cheap with ETag), so a new version is seen at once. */
const REVALIDATE = 'no-cache';
/** Fixed-name files besides the app shell (favicon, icons). */
const SHORT = 'public, max-age=3600';

/**
 * Bodies never compressed on the fly: already compressed (images, PDF, xlsx/zip, fonts) or
 * streamed for live reading (server-sent events), which a compressor would hold back.
 */
const NEVER_COMPRESS =
  /^(image\/|video\/|audio\/|font\/|text\/event-stream|application\/(pdf|zip|gzip|x-gzip|wasm|octet-stream|vnd\.openxmlformats|vnd\.ms-excel))/i;

/** A request for a source map, however its name is spelled or escaped. */
function isSourceMapPath(urlPath: string): boolean {
  let decoded = urlPath;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // A malformed escape is not a file the static handler would find either.
  }
  return /\.map\/*$/i.test(decoded);
}

function shouldCompress(req: Request, res: Response): boolean {
  if (req.path.startsWith('/socket.io/')) return false;
  const type = String(res.getHeader('Content-Type') ?? '');
  if (NEVER_COMPRESS.test(type)) return false;
  return compression.filter(req, res);
}

/**
 * Compresses answers above {@link COMPRESS_THRESHOLD_BYTES} (JSON, CSV, the app shell) with
 * brotli or gzip as the client accepts. Files served precompressed keep their own encoding.
 */
export function compressResponses(): RequestHandler {
  return compression({ threshold: COMPRESS_THRESHOLD_BYTES, filter: shouldCompress });
}

/** The Cache-Control of a built file, by its path on disk (a .br/.gz twin counts as the file). */
function cacheControlFor(filePath: string): string {
  const file = filePath
    .replace(/\.(br|gz)$/, '')
    .split(path.sep)
    .join('/');
  if (/\/assets\/[^/]+$/.test(file)) return IMMUTABLE;
  if (/\/(index\.html|sw\.js|manifest\.webmanifest)$/.test(file)) return REVALIDATE;
  return SHORT;
}

/**
 * Serves the built web app from `dist`: its files precompressed (.br, .gz written at build,
 * chosen by Accept-Encoding, with `Vary: Accept-Encoding`), hashed files under /assets cached
 * for a year, the shell, the service worker and the manifest revalidated on every use, and
 * every client-side route (/login, /courier, /tra-cuu/…) answered with the shell.
 * Source maps stay private: they hold the whole source of the web app.
 */
export function serveWebApp(app: Express, dist: string): void {
  app.use((req, res, next) => {
    if (!isSourceMapPath(req.path)) return next();
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, filePath) => res.setHeader('Cache-Control', cacheControlFor(filePath)),
      },
    }),
  );
  const shell = path.join(dist, 'index.html');
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(shell);
  });
}
