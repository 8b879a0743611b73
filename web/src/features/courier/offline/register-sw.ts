import { Workbox } from 'workbox-window';

/** What the courier's home needs to open with no network (the same URLs the app requests). */
const WARM_URLS = [
  '/api/auth/session',
  '/api/config',
  '/api/jobs?open=true&pageSize=200',
  '/api/couriers/me/cash',
];

type UpdateState = { waiting: boolean };

// One registration per page: the worker, whether a new version waits, who listens.
const sw: {
  started: boolean;
  accepted: boolean;
  wb: Workbox | undefined;
  state: UpdateState;
  listeners: Set<() => void>;
} = {
  started: false,
  accepted: false,
  wb: undefined,
  state: { waiting: false },
  listeners: new Set(),
};

function setState(next: UpdateState): void {
  sw.state = next;
  for (const l of sw.listeners) l();
}

/** After the first screen is up: the worker's install downloads never compete with it. */
function whenIdle(run: () => void): void {
  const later = () =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(() => run(), { timeout: 5000 })
      : globalThis.setTimeout(run, 1000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

function start(): void {
  const wb = new Workbox('/sw.js', { scope: '/' });
  sw.wb = wb;
  // A new version installed and waits: ask the courier instead of switching under them.
  wb.addEventListener('waiting', () => setState({ waiting: true }));
  // The new version took over after the courier's yes: load its files.
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate && sw.accepted) window.location.reload();
  });
  void wb
    .register()
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({ type: 'warm', urls: WARM_URLS }))
    .catch(() => undefined);
  // A phone keeps the app open for days: look for a new version when it comes back to it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
  });
}

/**
 * Registers the service worker (production builds only) so the courier view opens without a
 * network after the first visit, and asks it to keep the answers the home screen needs.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  if (sw.started) return;
  sw.started = true;
  whenIdle(start);
}

/**
 * The courier said yes: the waiting version takes over and the page reloads with it. Queued
 * offline actions stay in IndexedDB and are sent by the new version as by the old one.
 */
export function applyUpdate(): void {
  if (!sw.wb || !sw.state.waiting) return;
  sw.accepted = true;
  sw.wb.messageSkipWaiting();
}

/** Not now: the prompt goes away; the new version takes over once every tab is closed. */
export function postponeUpdate(): void {
  setState({ waiting: false });
}

export function subscribeUpdate(listener: () => void): () => void {
  sw.listeners.add(listener);
  return () => sw.listeners.delete(listener);
}

export function updateSnapshot(): UpdateState {
  return sw.state;
}
