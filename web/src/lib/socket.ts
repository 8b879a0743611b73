import type {
  ClientToServerEvents,
  CouriersDutyPayload,
  CouriersMovedPayload,
  IntakeProgressPayload,
  Job,
  ServerToClientEvents,
} from '@tannha/shared';
import type { Socket } from 'socket.io-client';

/**
 * The one socket.io connection of the app, shared by every feature. It authenticates with
 * the session cookie (same origin), reconnects by itself, and after a reconnect asks the
 * server for the jobs that changed while it was away (`jobs.sync` from the last cursor),
 * so listeners see missed changes as if they had arrived live.
 *
 * socket.io-client is fetched only when something first listens, after the first screen is
 * up: it is not part of the app's first load. Listeners registered before it arrives are
 * attached as soon as the connection exists.
 */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type JobListener = (job: Job, meta: { kind: string; previousCourierId: string | null }) => void;

type RawListener = (...args: unknown[]) => void;

let socket: AppSocket | undefined;
let opening: Promise<AppSocket> | undefined;
// Bumped on logout so a connection still loading then is closed instead of kept.
let generation = 0;
let cursor = 0;
const jobListeners = new Set<JobListener>();
const resyncListeners = new Set<() => void>();
const connectionListeners = new Set<(connected: boolean) => void>();
// Listeners of other events, by event name: attached to every connection opened.
const eventListeners = new Map<string, Set<RawListener>>();

function notifyJob(job: Job, kind: string, previousCourierId: string | null) {
  for (const l of jobListeners) l(job, { kind, previousCourierId });
}

function wire(s: AppSocket): void {
  s.on('hello', (hello) => {
    const since = cursor;
    if (since === 0) {
      cursor = hello.cursor;
      return;
    }
    // A reconnect: catch up on what was missed.
    s.emit('jobs.sync', { since }, (r) => {
      if (!r.ok) {
        for (const l of resyncListeners) l();
        return;
      }
      cursor = Math.max(cursor, r.cursor);
      if (r.truncated) for (const l of resyncListeners) l();
      for (const job of r.jobs) notifyJob(job, 'sync', null);
    });
  });
  s.on('jobs.updated', (p) => {
    cursor = Math.max(cursor, p.cursor);
    notifyJob(p.job, p.kind, p.previousCourierId ?? null);
  });
  s.on('connect', () => {
    for (const l of connectionListeners) l(true);
  });
  s.on('disconnect', () => {
    for (const l of connectionListeners) l(false);
  });
  const raw = s as unknown as Socket;
  for (const [event, listeners] of eventListeners) {
    for (const l of listeners) raw.on(event, l);
  }
}

/** The shared socket, connected on first use (the client library is loaded then). */
export function getSocket(): Promise<AppSocket> {
  if (opening) return opening;
  const mine = generation;
  const pending = import('socket.io-client').then(({ io }) => {
    const s: AppSocket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
    if (mine !== generation) {
      // Logged out while the library was loading.
      s.disconnect();
      return s;
    }
    socket = s;
    wire(s);
    return s;
  });
  opening = pending;
  // A failed load (offline before the file was cached) is tried again on the next listener.
  pending.catch(() => {
    if (opening === pending) opening = undefined;
  });
  return pending;
}

/** Connects in the background; a failure to load the client is retried by the next listener. */
function ensureSocket(): void {
  getSocket().catch(() => undefined);
}

/** Listens to `event` on the shared connection, now or once it exists. Returns the unsubscribe function. */
function onEvent<P>(event: string, typed: (payload: P) => void): () => void {
  const listener = typed as RawListener;
  let listeners = eventListeners.get(event);
  if (!listeners) {
    listeners = new Set();
    eventListeners.set(event, listeners);
  }
  listeners.add(listener);
  (socket as unknown as Socket | undefined)?.on(event, listener);
  ensureSocket();
  return () => {
    eventListeners.get(event)?.delete(listener);
    (socket as unknown as Socket | undefined)?.off(event, listener);
  };
}

/** Closes the connection (logout); the next listener opens a fresh one. */
export function disconnectSocket(): void {
  generation += 1;
  socket?.disconnect();
  socket = undefined;
  opening = undefined;
  cursor = 0;
}

/** Every job change the user may see, live or caught up after a reconnect. Returns the unsubscribe function. */
export function onJobChanged(listener: JobListener): () => void {
  ensureSocket();
  jobListeners.add(listener);
  return () => jobListeners.delete(listener);
}

/** Called when the catch-up could not deliver everything: refetch lists. */
export function onResyncNeeded(listener: () => void): () => void {
  ensureSocket();
  resyncListeners.add(listener);
  return () => resyncListeners.delete(listener);
}

/** Connection state changes (for an "offline" hint). */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  ensureSocket();
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** Courier positions as they arrive (dispatchers and managers). */
export function onCourierMoved(listener: (p: CouriersMovedPayload) => void): () => void {
  return onEvent('couriers.moved', listener);
}

/** Couriers going on or off duty. */
export function onCourierDuty(listener: (p: CouriersDutyPayload) => void): () => void {
  return onEvent('couriers.duty', listener);
}

/** Progress of the user's own results import while it is written. */
export function onIntakeProgress(listener: (p: IntakeProgressPayload) => void): () => void {
  // Not every server publishes it (small imports finish before a first chunk is counted).
  return onEvent('intake.progress', listener);
}
