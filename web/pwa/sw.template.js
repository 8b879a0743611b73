/* global self, caches */
/* Tận Nhà 1022 service worker: keeps the app shell so /courier opens with no network.
 * Built by pwa/service-worker-plugin.ts, which fills in the version and the asset list. */
const VERSION = '__VERSION__';
const PRECACHE = /*__ASSETS__*/ [];
const SHELL = 'shell-' + VERSION;
const DATA = 'data-v1';
// Reads the courier screen needs when offline: answered from the network when possible,
// from the last good answer otherwise.
const CACHED_API = [
  /^\/api\/me$/,
  /^\/api\/auth\/session$/,
  /^\/api\/config/,
  /^\/api\/jobs(\/[^/]+(\/(events|payments|papers))?)?$/,
  /^\/api\/couriers\/me\/cash/,
  /^\/api\/procedures/,
  /^\/api\/agency-handovers(\/[^/]+)?$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/index.html', '/manifest.webmanifest', ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() => caches.open(SHELL).then((c) => c.match('/index.html'))),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(SHELL).then((c) => c.put(request, copy));
            }
            return res;
          }),
      ),
    );
    return;
  }
  if (CACHED_API.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA));
  }
});

// Logging out on this phone forgets the cached answers (they hold citizens' names and phones).
self.addEventListener('message', (event) => {
  if (event.data === 'clear-data') event.waitUntil(caches.delete(DATA));
  // The page asks for the answers it needs to open offline (fetched before the worker ran).
  if (event.data && event.data.type === 'warm' && Array.isArray(event.data.urls)) {
    event.waitUntil(
      caches.open(DATA).then((cache) =>
        Promise.all(
          event.data.urls.map((u) =>
            fetch(u, { credentials: 'same-origin' })
              .then((res) => (res.ok ? cache.put(u, res) : undefined))
              .catch(() => undefined),
          ),
        ),
      ),
    );
  }
});
