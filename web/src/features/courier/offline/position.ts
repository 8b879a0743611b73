/**
 * Position while on duty: `watchPosition` (only after the courier switches sharing on, so
 * the browser asks for permission in context), the latest fix kept for stamping actions,
 * and fixes sent to the dispatch map in small batches (kept while offline).
 */

export type Fix = { lat: number; lng: number; accuracy: number | null; at: string };

let last: Fix | null = null;
let watchId: number | null = null;
let buffer: Fix[] = [];
let lastSent = 0;
const SEND_EVERY_MS = 20_000;

/** The latest fix, if any (for the place an action happened). */
export function lastFix(): Fix | null {
  return last;
}

async function flush(force = false) {
  if (buffer.length === 0 || !navigator.onLine) return;
  if (!force && Date.now() - lastSent < SEND_EVERY_MS) return;
  const batch = buffer.slice(-500);
  buffer = [];
  lastSent = Date.now();
  try {
    const res = await fetch('/api/couriers/me/positions', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ positions: batch }),
    });
    if (res.status >= 500) buffer = [...batch, ...buffer];
  } catch {
    buffer = [...batch, ...buffer].slice(-500);
  }
}

export type SharingState = 'off' | 'on' | 'denied' | 'unavailable';

/** Starts sharing; resolves with the resulting state (denied when the courier refuses). */
export function startSharing(onState: (s: SharingState) => void): void {
  if (!('geolocation' in navigator)) {
    onState('unavailable');
    return;
  }
  if (watchId !== null) {
    onState('on');
    return;
  }
  watchId = navigator.geolocation.watchPosition(
    (p) => {
      last = {
        lat: p.coords.latitude,
        lng: p.coords.longitude,
        accuracy: p.coords.accuracy ?? null,
        at: new Date(p.timestamp).toISOString(),
      };
      buffer.push(last);
      onState('on');
      void flush();
    },
    (err) => {
      if (err.code === err.PERMISSION_DENIED) {
        stopSharing();
        onState('denied');
      }
    },
    { enableHighAccuracy: true, maximumAge: 15_000, timeout: 30_000 },
  );
  window.addEventListener('online', () => void flush(true));
}

export function stopSharing(): void {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
  void flush(true);
}
