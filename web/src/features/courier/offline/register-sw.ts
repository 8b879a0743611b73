/** What the courier's home needs to open with no network (the same URLs the app requests). */
const WARM_URLS = [
  '/api/auth/session',
  '/api/config',
  '/api/jobs?open=true&pageSize=200',
  '/api/couriers/me/cash',
];

/**
 * Registers the service worker (production builds only) so the courier view opens without a
 * network after the first visit, and asks it to keep the answers the home screen needs.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({ type: 'warm', urls: WARM_URLS }))
    .catch(() => undefined);
}
