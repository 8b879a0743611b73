import type { Server as HttpServer } from 'node:http';
import { signedCookie } from 'cookie-parser';
import { parse as parseCookie } from 'cookie';
import { Server } from 'socket.io';
import type { Db } from '../db/client';
import { logger } from '../lib/logger';
import type { AuthContext } from '../lib/http';
import { SESSION_COOKIE } from '../middleware/session';
import { resolveSession } from '../modules/auth/auth.service';
import {
  PositionSchema,
  type ClientToServerEvents,
  type CourierPositionAck,
  type JobsSyncResponse,
  type ServerToClientEvents,
} from '@tannha/shared';
import { AppError } from '../lib/errors';
import { can } from '../policies';
import { positionError, type PositionStore } from '../modules/couriers/couriers.service';
import { currentJobCursor, syncJobs } from '../modules/jobs/jobs.service';
import { subscribe } from './bus';
import { rooms } from './rooms';

export { rooms } from './rooms';

export type Realtime = {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  close: () => Promise<void>;
};

/**
 * socket.io on the HTTP server. Clients authenticate on the handshake with the same
 * session cookie as HTTP; each socket joins the rooms of its user, its unit (and the
 * units above it, so a province dispatcher sees its post offices) and its role.
 */
export function createRealtime(
  server: HttpServer,
  deps: { db: Db; sessionSecret: string; positions: PositionStore },
): Realtime {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    serveClient: false,
    cors: { origin: false },
  });
  const { positions } = deps;
  io.use(async (socket, next) => {
    try {
      const raw = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const token = raw ? signedCookie(raw, deps.sessionSecret) : false;
      const auth = typeof token === 'string' ? await resolveSession(deps.db, token) : undefined;
      if (!auth) return next(new Error('unauthenticated'));
      (socket.data as { auth: AuthContext }).auth = auth;
      next();
    } catch (err) {
      logger.error({ err }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });
  io.on('connection', (socket) => {
    const auth = (socket.data as { auth: AuthContext }).auth;
    void socket.join([
      rooms.user(auth.user.id),
      rooms.unit(auth.user.unitId),
      rooms.unitRole(auth.user.unitId, auth.user.role),
    ]);
    // The cursor to resume from after a reconnect (jobs.sync).
    void currentJobCursor(deps.db)
      .then((cursor) => socket.emit('hello', { cursor, userId: auth.user.id }))
      .catch((err: unknown) => logger.warn({ err }, 'hello failed'));

    // Couriers on duty send positions; the ack says whether it was taken.
    socket.on('couriers.position', (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      if (!can(auth, 'couriers.self')) {
        reply({ ok: false, code: 'forbidden', message: 'Only couriers send positions' });
        return;
      }
      const parsed = PositionSchema.safeParse(raw);
      if (!parsed.success) {
        reply({
          ok: false,
          code: 'validation_failed',
          message: parsed.error.issues[0]?.message ?? 'invalid position',
        });
        return;
      }
      positions
        .accept({ id: auth.user.id, unitId: auth.user.unitId }, parsed.data)
        .then((r): CourierPositionAck =>
          r.ok
            ? { ok: true, flagged: r.flagged }
            : { ok: false, code: r.code, message: positionError(r.code).text[locale(socket)] },
        )
        .catch((err: unknown): CourierPositionAck => {
          logger.error({ err }, 'position failed');
          return { ok: false, code: 'unavailable', message: 'Server error' };
        })
        .then(reply);
    });

    // Catch-up after a reconnect: what changed since the last cursor the client saw.
    socket.on('jobs.sync', (req, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const since = Number((req as { since?: unknown } | undefined)?.since ?? 0);
      if (!Number.isInteger(since) || since < 0) {
        reply({
          ok: false,
          code: 'validation_failed',
          message: 'since must be a whole number ≥ 0',
        });
        return;
      }
      syncJobs(deps.db, auth, since)
        .then((r): JobsSyncResponse => ({ ok: true, ...r }))
        .catch((err: unknown): JobsSyncResponse => {
          if (err instanceof AppError)
            return { ok: false, code: err.code, message: err.text[locale(socket)] };
          logger.error({ err }, 'jobs.sync failed');
          return { ok: false, code: 'unavailable', message: 'Server error' };
        })
        .then(reply);
    });
  });
  const unsubscribe = subscribe((d) => {
    if (d.rooms.length > 0) io.to(d.rooms).emit(d.event as 'hello', d.payload as never);
  });
  return {
    io,
    // Only the sockets: the HTTP server is closed by its owner after requests drain.
    close: async () => {
      unsubscribe();
      io.disconnectSockets(true);
      await positions.close();
    },
  };
}

function locale(socket: {
  handshake: { headers: Record<string, string | string[] | undefined> };
}): 'vi' | 'en' {
  const h = socket.handshake.headers['accept-language'];
  return typeof h === 'string' && h.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
