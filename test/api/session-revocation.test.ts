import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import type { Job } from '@tannha/shared';
import { sessions, users } from '../../server/src/db/schema';
import { publish } from '../../server/src/realtime/bus';
import { rooms } from '../../server/src/realtime/rooms';
import { loginAs, type TestApp } from '../support/app';
import { buildJobsApp, type Agent } from '../support/org-app';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';
import {
  collect,
  connectAs,
  eventually,
  listenWithRealtime,
  sessionCookie,
  type TestSocket,
} from '../support/realtime-client';

let t: TestApp;
let f: JobsFixture;
let operator: Agent;
let admin: Agent;
let live: Awaited<ReturnType<typeof listenWithRealtime>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  ({ t, f } = await buildJobsApp());
  live = await listenWithRealtime(t);
  operator = await loginAs(t.app, f.inA.operator.username, TEST_PASSWORD);
  // A province admin: moving staff between post offices needs rights over both.
  const provinceAdmin = await createUser(t.database.db, 'admin', f.province.id);
  admin = await loginAs(t.app, provinceAdmin.username, TEST_PASSWORD);
  expect((await operator.post('/api/jobs').send(jobBody(f))).status).toBe(201);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await live?.close();
  await t?.close();
});

/** A new dispatcher of unit A (each test changes or ends one), signed in with an open socket. */
async function liveDispatcher(unitId = f.unitA.id, url = live.url) {
  const user = await createUser(t.database.db, 'dispatcher', unitId);
  const cookie = await sessionCookie(t, user.username, TEST_PASSWORD);
  const { socket } = await connectAs(url, cookie);
  sockets.push(socket);
  const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  return { user, cookie, socket, closed };
}

/** Resolves with the reason when the socket closes, or 'still open' after a while. */
const closedWithin = (closed: Promise<string>, ms = 2000) =>
  Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('still open'), ms))]);

async function syncedJobs(socket: TestSocket): Promise<number> {
  const r = await socket.emitWithAck('jobs.sync', { since: 0 });
  if (!r.ok) throw new Error(r.code);
  return r.jobs.length;
}

describe('ending a session closes its live connection', () => {
  it('closes the socket on logout, and the session no longer syncs jobs', async () => {
    const d = await liveDispatcher();
    expect(await syncedJobs(d.socket)).toBeGreaterThan(0);
    const out = await request(t.app).post('/api/auth/logout').set('Cookie', d.cookie);
    expect(out.status).toBe(204);
    expect(await closedWithin(d.closed)).toBe('io server disconnect');
    await expect(connectAs(live.url, d.cookie)).rejects.toThrow(/unauthenticated/);
  });

  it('answers a request of a socket whose session is gone with unauthenticated, and closes it', async () => {
    const d = await liveDispatcher();
    // The session ends without a revocation reaching this node (another node, a sweep).
    await t.database.db.delete(sessions).where(eq(sessions.userId, d.user.id));
    const r = await d.socket.emitWithAck('jobs.sync', { since: 0 });
    expect(r).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect('jobs' in r).toBe(false);
    expect(await closedWithin(d.closed)).toBe('io server disconnect');
  });

  it('closes a quiet socket whose session ended behind its back (expired, or revoked on another node)', async () => {
    // A server whose sweep runs every 200 ms (a minute in service).
    const sweeping = await listenWithRealtime(t, { recheckEveryMs: 200 });
    try {
      const d = await liveDispatcher(f.unitA.id, sweeping.url);
      await t.database.db.delete(sessions).where(eq(sessions.userId, d.user.id));
      expect(await closedWithin(d.closed, 3000)).toBe('io server disconnect');
    } finally {
      await sweeping.close();
    }
  });

  it.each([
    ['disabling the user', { disabled: true }],
    ['changing the role', { role: 'operator' }],
    ['moving the user to another unit', { unitId: 'unitB' }],
  ])('closes the sockets on %s', async (_what, change) => {
    const d = await liveDispatcher();
    const body = 'unitId' in change ? { unitId: f.unitB.id } : change;
    const res = await admin.patch(`/api/admin/users/${d.user.id}`).send(body);
    expect(res.status).toBe(200);
    expect(await closedWithin(d.closed)).toBe('io server disconnect');
  });

  it('closes the sockets when an admin resets the password', async () => {
    const d = await liveDispatcher();
    const res = await admin
      .post(`/api/admin/users/${d.user.id}/password`)
      .send({ password: 'mat-khau-moi-2026' });
    expect(res.status).toBe(200);
    expect(await closedWithin(d.closed)).toBe('io server disconnect');
  });

  it('leaves other users’ sockets open', async () => {
    const d = await liveDispatcher();
    const other = await liveDispatcher();
    await admin.patch(`/api/admin/users/${d.user.id}`).send({ disabled: true });
    expect(await closedWithin(d.closed)).toBe('io server disconnect');
    expect(await closedWithin(other.closed, 300)).toBe('still open');
    expect(await syncedJobs(other.socket)).toBeGreaterThan(0);
  });
});

describe('events are checked against each receiver’s current rights', () => {
  it('never sends a unit’s event to a sibling unit’s socket in the same rooms', async () => {
    const a = await liveDispatcher();
    const b = await liveDispatcher(f.unitB.id);
    const province = await connectAs(
      live.url,
      await sessionCookie(t, f.provinceManager.username, TEST_PASSWORD),
    );
    sockets.push(province.socket);
    const [gotA, gotB, gotP] = [a.socket, b.socket, province.socket].map((s) =>
      collect(s, 'jobs.updated'),
    );
    const job = (await operator.get('/api/jobs').query({ pageSize: 1 })).body.items[0] as Job;
    // Rooms wider than the audience (as a careless publisher, or a shared parent room, would).
    publish({
      rooms: [f.unitA, f.unitB, f.province].map((u) => rooms.unit(u.id)),
      event: 'jobs.updated',
      payload: { cursor: 1, kind: 'transition', job },
      scope: { ability: 'jobs.read', record: { unitId: f.unitA.id, courierId: null } },
    });
    await eventually(() => gotA!.length === 1 && gotP!.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(gotB).toHaveLength(0);
  });

  it('stops sending a unit’s jobs to a socket whose user now belongs to another unit', async () => {
    const d = await liveDispatcher();
    const got = collect(d.socket, 'jobs.updated');
    // Moved behind the services' back: the session stays, only the rights change.
    await t.database.db.update(users).set({ unitId: f.unitB.id }).where(eq(users.id, d.user.id));
    // Its next request picks the current rights up.
    expect(await syncedJobs(d.socket)).toBe(0);
    const created = await operator.post('/api/jobs').send(jobBody(f, { notes: 'sau khi chuyển' }));
    expect(created.status).toBe(201);
    const watcher = collect((await liveDispatcher()).socket, 'jobs.updated');
    await operator.post(`/api/jobs/${(created.body as Job).id}/transitions`).send({
      to: 'on_hold',
      reason: 'chờ công dân bổ sung giấy tờ',
    });
    await eventually(() => watcher.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toHaveLength(0);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the own password, ends the other sessions and keeps this one', async () => {
    const user = await createUser(t.database.db, 'courier', f.unitA.id);
    const here = await sessionCookie(t, user.username, TEST_PASSWORD);
    const there = await sessionCookie(t, user.username, TEST_PASSWORD);
    const [mine, theirs] = await Promise.all([
      connectAs(live.url, here),
      connectAs(live.url, there),
    ]);
    sockets.push(mine.socket, theirs.socket);
    const theirsClosed = new Promise<string>((r) => theirs.socket.once('disconnect', r));
    const mineClosed = new Promise<string>((r) => mine.socket.once('disconnect', r));

    const wrong = await request(t.app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: 'not-my-password', newPassword: 'mat-khau-moi-2026' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('wrong_current_password');
    expect(wrong.body.error.fields.currentPassword).toMatch(/hiện tại/);
    const short = await request(t.app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.newPassword).toMatch(/10/);

    const ok = await request(t.app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ sessionsEnded: 1 });
    expect(await closedWithin(theirsClosed)).toBe('io server disconnect');
    expect(await closedWithin(mineClosed, 300)).toBe('still open');
    expect((await request(t.app).get('/api/me').set('Cookie', there)).status).toBe(401);
    expect((await request(t.app).get('/api/me').set('Cookie', here)).status).toBe(200);
    const old = await request(t.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    await loginAs(t.app, user.username, 'mat-khau-moi-2026');
  });

  it('is refused without a session', async () => {
    const res = await request(t.app)
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' });
    expect(res.status).toBe(401);
  });
});
