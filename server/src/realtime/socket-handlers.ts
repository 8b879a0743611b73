import type { Socket } from 'socket.io';
import {
  PositionSchema,
  type ClientToServerEvents,
  type CourierPositionAck,
  type JobsSyncResponse,
  type ServerToClientEvents,
} from '@tannha/shared';
import type { Db } from '../db/client';
import { AppError } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { logger } from '../lib/logger';
import { can } from '../policies';
import { resolveSessionId } from '../modules/auth/auth.service';
import { positionError, type PositionStore } from '../modules/couriers/couriers.service';
import { syncJobs } from '../modules/jobs/jobs.service';

/** What the server keeps on each socket: the session as it was last checked. */
export type SocketData = { auth: AuthContext };
export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type Failure = { ok: false; code: string; message: string };

const SIGNED_OUT = {
  vi: 'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.',
  en: 'Your session has ended. Please sign in again.',
};

/**
 * Checks the socket's session again before it acts: a session that ended (logout, disabled user,
 * new password, changed rights) answers `unauthenticated` and the socket is closed; otherwise the
 * socket keeps the session's current rights.
 */
async function recheck(db: Db, socket: AppSocket): Promise<AuthContext | Failure> {
  const auth = await resolveSessionId(db, socket.data.auth.sessionId);
  if (!auth) {
    setImmediate(() => socket.disconnect(true));
    return { ok: false, code: 'unauthenticated', message: SIGNED_OUT[locale(socket)] };
  }
  socket.data.auth = auth;
  return auth;
}

/** Runs one acknowledged request on the current session; any failure becomes an answer. */
function answer<R>(
  db: Db,
  socket: AppSocket,
  ack: unknown,
  what: string,
  run: (auth: AuthContext) => Promise<R | Failure>,
): void {
  const reply = typeof ack === 'function' ? (ack as (r: R | Failure) => void) : () => undefined;
  recheck(db, socket)
    .then((auth) => ('ok' in auth ? auth : run(auth)))
    .catch((err: unknown): Failure => {
      if (err instanceof AppError)
        return { ok: false, code: err.code, message: err.text[locale(socket)] };
      logger.error({ err }, `${what} failed`);
      return { ok: false, code: 'unavailable', message: 'Server error' };
    })
    .then(reply);
}

/** The requests a client sends over its socket: a courier's position, a catch-up after reconnecting. */
export function handleRequests(
  socket: AppSocket,
  deps: { db: Db; positions: PositionStore },
): void {
  socket.on('couriers.position', (raw, ack) =>
    answer<CourierPositionAck>(deps.db, socket, ack, 'position', async (auth) => {
      if (!can(auth, 'couriers.self'))
        return { ok: false, code: 'forbidden', message: 'Only couriers send positions' };
      const parsed = PositionSchema.safeParse(raw);
      if (!parsed.success)
        return {
          ok: false,
          code: 'validation_failed',
          message: parsed.error.issues[0]?.message ?? 'invalid position',
        };
      const r = await deps.positions.accept(
        { id: auth.user.id, unitId: auth.user.unitId },
        parsed.data,
      );
      return r.ok
        ? { ok: true, flagged: r.flagged }
        : { ok: false, code: r.code, message: positionError(r.code).text[locale(socket)] };
    }),
  );
  socket.on('jobs.sync', (req, ack) =>
    answer<JobsSyncResponse>(deps.db, socket, ack, 'jobs.sync', async (auth) => {
      const since = Number((req as { since?: unknown } | undefined)?.since ?? 0);
      if (!Number.isInteger(since) || since < 0)
        return {
          ok: false,
          code: 'validation_failed',
          message: 'since must be a whole number ≥ 0',
        };
      return { ok: true, ...(await syncJobs(deps.db, auth, since)) };
    }),
  );
}

/** The socket's language, from the handshake's Accept-Language. */
export function locale(socket: {
  handshake: { headers: Record<string, string | string[] | undefined> };
}): 'vi' | 'en' {
  const h = socket.handshake.headers['accept-language'];
  return typeof h === 'string' && h.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
