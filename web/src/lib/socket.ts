import type {
  ClientToServerEvents,
  CouriersDutyPayload,
  CouriersMovedPayload,
  IntakeProgressPayload,
  Job,
  ServerToClientEvents,
} from '@tannha/shared';
import { io, type Socket } from 'socket.io-client';

/**
 * The one socket.io connection of the app, shared by every feature. It authenticates with
 * the session cookie (same origin), reconnects by itself, and after a reconnect asks the
 * server for the jobs that changed while it was away (`jobs.sync` from the last cursor),
 * so listeners see missed changes as if they had arrived live.
 */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type JobListener = (job: Job, meta: { kind: string; previousCourierId: string | null }) => void;

let socket: AppSocket | undefined;
let cursor = 0;
const jobListeners = new Set<JobListener>();
const resyncListeners = new Set<() => void>();
const connectionListeners = new Set<(connected: boolean) => void>();

function notifyJob(job: Job, kind: string, previousCourierId: string | null) {
  for (const l of jobListeners) l(job, { kind, previousCourierId });
}

/** The shared socket, connected on first use. */
export function getSocket(): AppSocket {
  if (socket) return socket;
  const s: AppSocket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
  socket = s;
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
  return s;
}

/** Closes the connection (logout); the next `getSocket()` opens a fresh one. */
export function disconnectSocket(): void {
  socket?.disconnect();
  socket = undefined;
  cursor = 0;
}

/** Every job change the user may see, live or caught up after a reconnect. Returns the unsubscribe function. */
export function onJobChanged(listener: JobListener): () => void {
  getSocket();
  jobListeners.add(listener);
  return () => jobListeners.delete(listener);
}

/** Called when the catch-up could not deliver everything: refetch lists. */
export function onResyncNeeded(listener: () => void): () => void {
  getSocket();
  resyncListeners.add(listener);
  return () => resyncListeners.delete(listener);
}

/** Connection state changes (for an "offline" hint). */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  getSocket();
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** Courier positions as they arrive (dispatchers and managers). */
export function onCourierMoved(listener: (p: CouriersMovedPayload) => void): () => void {
  const s = getSocket();
  s.on('couriers.moved', listener);
  return () => s.off('couriers.moved', listener);
}

/** Couriers going on or off duty. */
export function onCourierDuty(listener: (p: CouriersDutyPayload) => void): () => void {
  const s = getSocket();
  s.on('couriers.duty', listener);
  return () => s.off('couriers.duty', listener);
}

/** Progress of the user's own results import while it is written. */
export function onIntakeProgress(listener: (p: IntakeProgressPayload) => void): () => void {
  // Not every server publishes it (small imports finish before a first chunk is counted).
  const s = getSocket() as unknown as Socket;
  s.on('intake.progress', listener);
  return () => s.off('intake.progress', listener);
}
