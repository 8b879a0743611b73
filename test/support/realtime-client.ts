import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@tannha/shared';
import { createRealtime, type Realtime } from '../../server/src/realtime/socket-server';
import { appServices } from '../../server/src/app';
import type { TestApp } from './app';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Listens with the app and socket.io on a free port, as main.ts does. */
export async function listenWithRealtime(
  t: TestApp,
  opts: { recheckEveryMs?: number } = {},
): Promise<{ url: string; server: Server; realtime: Realtime; close: () => Promise<void> }> {
  const server = createServer(t.app);
  const realtime = createRealtime(server, {
    db: t.database.db,
    sessionSecret: t.config.sessionSecret,
    positions: appServices(t.app).positions,
    ...opts,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    realtime,
    close: async () => {
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Logs in over HTTP and returns the session cookie header. */
export async function sessionCookie(
  t: TestApp,
  username: string,
  password: string,
): Promise<string> {
  const res = await request(t.app).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookies = res.headers['set-cookie'] as unknown as string[];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

/** A connected socket.io client with that session; resolves after the server's `hello`. */
export async function connectAs(
  url: string,
  cookie: string,
): Promise<{ socket: TestSocket; cursor: number }> {
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  const cursor = await new Promise<number>((resolve, reject) => {
    socket.once('hello', (p) => resolve(p.cursor));
    socket.once('connect_error', reject);
  });
  return { socket, cursor };
}

/** Collects every payload of one event. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const out: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event as 'hello', ((p: never) => out.push(p)) as never);
  return out;
}

/** Waits until `check` passes or the time is up. */
export async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
