/// <reference lib="webworker" />
/**
 * Tận Nhà 1022 service worker: keeps the app shell so /courier opens with no network, and the
 * last answers the courier's screens read, for a bounded time. Built by vite-plugin-pwa
 * (injectManifest), which fills in this build's file list with their revisions.
 *
 * A new version installs beside the running one and waits: the page asks the courier first
 * ("Có phiên bản mới — Cập nhật") and sends SKIP_WAITING only on their yes, so nobody's
 * screen changes under them mid-visit. Queued offline actions live in the page's IndexedDB
 * outbox, which this worker never touches.
 */
import { CacheExpiration, ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

/** The cache of API answers: citizens' names, phones and addresses, so bounded and short-lived. */
const DATA = 'data-v1';
/** At most this many answers are kept (the oldest go first). */
const DATA_MAX_ENTRIES = 200;
/** Kept no longer than the courier's offline window (72 h by default). */
const DATA_MAX_AGE_SECONDS = 3 * 24 * 60 * 60;
/** Hashed files fetched after install (a chunk this build did not list). */
const ASSETS = 'assets-v1';

// Reads the courier screens need when offline: answered from the network when possible,
// from the last good answer otherwise. No other API call is ever cached.
const CACHED_API = [
  /^\/api\/me$/,
  /^\/api\/auth\/session$/,
  /^\/api\/config/,
  /^\/api\/jobs(\/[^/]+(\/(events|payments|papers))?)?$/,
  /^\/api\/couriers\/me\/cash/,
  /^\/api\/procedures/,
  /^\/api\/agency-handovers(\/[^/]+)?$/,
];

const dataLimits = { maxEntries: DATA_MAX_ENTRIES, maxAgeSeconds: DATA_MAX_AGE_SECONDS };
const dataExpiration = new ExpirationPlugin({ ...dataLimits, purgeOnQuotaError: true });

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install serves the page that registered it at once; a later version only ever
// activates after the courier's yes (SKIP_WAITING) or once every tab of the app is closed.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Pages: the network first, the precached shell when there is none.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (err) {
      const shell = await matchPrecache('/index.html');
      if (shell) return shell;
      throw err;
    }
  },
);

// Built files not in the precache list: kept once fetched (their names change with content).
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: ASSETS }),
);

registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin && request.method === 'GET' && CACHED_API.some((re) => re.test(url.pathname)),
  new NetworkFirst({ cacheName: DATA, plugins: [dataExpiration] }),
);

/** Fetches the answers the page needs to open offline (asked before this worker ran). */
async function warm(urls: string[]): Promise<void> {
  const cache = await caches.open(DATA);
  const expiration = new CacheExpiration(DATA, dataLimits);
  await Promise.all(
    urls.map(async (u) => {
      try {
        const res = await fetch(u, { credentials: 'same-origin' });
        if (!res.ok) return;
        await cache.put(u, res);
        await expiration.updateTimestamp(new URL(u, self.location.origin).href);
      } catch {
        // Offline or refused: the page's own requests fill the cache later.
      }
    }),
  );
  await expiration.expireEntries();
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  // Logging out on this phone forgets the cached answers (they hold citizens' names and phones).
  if (data === 'clear-data') event.waitUntil(dataExpiration.deleteCacheAndMetadata());
  // The courier said yes to the new version.
  if (isMessage(data, 'SKIP_WAITING')) event.waitUntil(self.skipWaiting());
  if (isMessage(data, 'warm') && Array.isArray((data as { urls?: unknown }).urls)) {
    const urls = (data as { urls: unknown[] }).urls.filter(
      (u): u is string => typeof u === 'string',
    );
    event.waitUntil(warm(urls));
  }
});

function isMessage(data: unknown, type: string): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
