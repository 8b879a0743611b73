import type { Server as HttpServer } from 'node:http';
import { signedCookie } from 'cookie-parser';
import { parse as parseCookie } from 'cookie';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@tannha/shared';
import type { Db } from '../db/client';
import { logger } from '../lib/logger';
import { SESSION_COOKIE } from '../middleware/session';
import { resolveSession, resolveSessionId } from '../modules/auth/auth.service';
import type { PositionStore } from '../modules/couriers/couriers.service';
import { currentJobCursor } from '../modules/jobs/jobs.service';
import { subscribe, subscribeRevocations, type Delivery, type Revocation } from './bus';
import { mayReceive } from './deliver';
import { rooms } from './rooms';
import { handleRequests, type AppSocket, type SocketData } from './socket-handlers';

export { rooms } from './rooms';

type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export type Realtime = {
  io: AppServer;
  close: () => Promise<void>;
};

/** How often every open socket's session is checked again (expired sessions, missed revocations). */
const RECHECK_EVERY_MS = 60_000;

/**
 * socket.io on the HTTP server. Clients authenticate on the handshake with the same
 * session cookie as HTTP; each socket joins the rooms of its session, its user, its unit (and
 * the units above it, so a province dispatcher sees its post offices) and its role. Every event
 * is checked against each receiver's session before it is sent; an ended session closes its
 * sockets at once (a revocation on the bus) and every request re-checks the session.
 */
export function createRealtime(
  server: HttpServer,
  deps: { db: Db; sessionSecret: string; positions: PositionStore; recheckEveryMs?: number },
): Realtime {
  const io: AppServer = new Server(server, { serveClient: false, cors: { origin: false } });
  const { positions } = deps;
  io.use(async (socket, next) => {
    try {
      const raw = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const token = raw ? signedCookie(raw, deps.sessionSecret) : false;
      const auth = typeof token === 'string' ? await resolveSession(deps.db, token) : undefined;
      if (!auth) return next(new Error('unauthenticated'));
      socket.data.auth = auth;
      next();
    } catch (err) {
      logger.error({ err }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });
  io.on('connection', (socket: AppSocket) => {
    const auth = socket.data.auth;
    void socket.join([
      rooms.session(auth.sessionId),
      rooms.user(auth.user.id),
      rooms.unit(auth.user.unitId),
      rooms.unitRole(auth.user.unitId, auth.user.role),
    ]);
    // The cursor to resume from after a reconnect (jobs.sync).
    void currentJobCursor(deps.db)
      .then((cursor) => socket.emit('hello', { cursor, userId: auth.user.id }))
      .catch((err: unknown) => logger.warn({ err }, 'hello failed'));
    handleRequests(socket, { db: deps.db, positions });
  });
  const stopDeliveries = subscribe((d) => {
    deliver(io, d).catch((err: unknown) => logger.warn({ err, event: d.event }, 'delivery failed'));
  });
  const stopRevocations = subscribeRevocations((r) => disconnect(io, r));
  const sweep = setInterval(() => {
    recheckAll(io, deps.db).catch((err: unknown) => logger.warn({ err }, 'session sweep failed'));
  }, deps.recheckEveryMs ?? RECHECK_EVERY_MS);
  sweep.unref();
  return {
    io,
    // Only the sockets: the HTTP server is closed by its owner after requests drain.
    close: async () => {
      clearInterval(sweep);
      stopDeliveries();
      stopRevocations();
      io.disconnectSockets(true);
      await positions.close();
    },
  };
}

/** Sends an event to the sockets of its rooms that may see it now (see {@link mayReceive}). */
async function deliver(io: AppServer, d: Delivery): Promise<void> {
  if (d.rooms.length === 0) return;
  const sockets = await io.in(d.rooms).fetchSockets();
  for (const s of sockets) {
    if (mayReceive(s.data.auth, d.scope)) s.emit(d.event as 'hello', d.payload as never);
  }
}

/** Closes the sockets of ended sessions, on every node the adapter reaches. */
function disconnect(io: AppServer, r: Revocation): void {
  if ('sessionId' in r) {
    io.in(rooms.session(r.sessionId)).disconnectSockets(true);
    return;
  }
  const target = io.in(rooms.user(r.userId));
  (r.exceptSessionId ? target.except(rooms.session(r.exceptSessionId)) : target).disconnectSockets(
    true,
  );
}

/** Checks every socket of this node against its session; ended ones close, others get their current rights. */
async function recheckAll(io: AppServer, db: Db): Promise<void> {
  for (const socket of io.of('/').sockets.values()) {
    const auth = await resolveSessionId(db, socket.data.auth.sessionId);
    if (auth) socket.data.auth = auth;
    else socket.disconnect(true);
  }
}
