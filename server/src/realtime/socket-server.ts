import type { Server as HttpServer } from 'node:http';
import { signedCookie } from 'cookie-parser';
import { parse as parseCookie } from 'cookie';
import { Server } from 'socket.io';
import type { Db } from '../db/client';
import { logger } from '../lib/logger';
import type { AuthContext } from '../lib/http';
import { SESSION_COOKIE } from '../middleware/session';
import { resolveSession } from '../modules/auth/auth.service';
import { subscribe } from './bus';

/** Room names: one per unit (and role within it), one per user. */
export const rooms = {
  unit: (unitId: string) => `unit:${unitId}`,
  unitRole: (unitId: string, role: string) => `unit:${unitId}:${role}`,
  user: (userId: string) => `user:${userId}`,
};

export type Realtime = { io: Server; close: () => Promise<void> };

/**
 * socket.io on the HTTP server. Clients authenticate on the handshake with the same
 * session cookie as HTTP; each socket joins the rooms of its user, its unit (and the
 * units above it, so a province dispatcher sees its post offices) and its role.
 */
export function createRealtime(server: HttpServer, deps: { db: Db; sessionSecret: string }): Realtime {
  const io = new Server(server, { serveClient: false, cors: { origin: false } });
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
    void socket.join([rooms.user(auth.user.id), rooms.unit(auth.user.unitId), rooms.unitRole(auth.user.unitId, auth.user.role)]);
  });
  const unsubscribe = subscribe((d) => {
    if (d.rooms.length > 0) io.to(d.rooms).emit(d.event, d.payload);
  });
  return {
    io,
    // Only the sockets: the HTTP server is closed by its owner after requests drain.
    close: async () => {
      unsubscribe();
      io.disconnectSockets(true);
    },
  };
}
