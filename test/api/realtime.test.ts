import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '@tannha/shared';
import { loginAs, type TestApp } from '../support/app';
import { buildJobsApp } from '../support/org-app';
import { TEST_PASSWORD } from '../support/factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';
import {
  collect,
  connectAs,
  eventually,
  listenWithRealtime,
  sessionCookie,
} from '../support/realtime-client';

let t: TestApp;
let f: JobsFixture;
let live: Awaited<ReturnType<typeof listenWithRealtime>>;
const sockets: { disconnect: () => unknown }[] = [];
type Moves = ReturnType<typeof collect<'jobs.updated'>>;
type Positions = ReturnType<typeof collect<'couriers.moved'>>;

beforeAll(async () => {
  ({ t, f } = await buildJobsApp());
  live = await listenWithRealtime(t);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await live?.close();
  await t?.close();
});

async function socketFor(username: string) {
  const c = await connectAs(live.url, await sessionCookie(t, username, TEST_PASSWORD));
  sockets.push(c.socket);
  return c;
}

describe('socket events', () => {
  it('refuses a connection without a session', async () => {
    await expect(connectAs(live.url, 'tn_sid=nope')).rejects.toThrow(/unauthenticated/);
  });

  it('sends jobs.updated to dispatchers of the job’s unit and the courier, not to another unit or another courier', async () => {
    const a = await socketFor(f.inA.dispatcher.username);
    const b = await socketFor(f.dispatcherB.username);
    const province = await socketFor(f.provinceManager.username);
    const c1 = await socketFor(f.courier1.username);
    const c2 = await socketFor(f.courier2.username);
    const [gotA, gotB, gotP, got1, got2] = [a, b, province, c1, c2].map((s) =>
      collect(s.socket, 'jobs.updated'),
    ) as [Moves, Moves, Moves, Moves, Moves];

    const operator = await loginAs(t.app, f.inA.operator.username, TEST_PASSWORD);
    const created = (await operator.post('/api/jobs').send(jobBody(f))).body as Job;
    const dispatcher = await loginAs(t.app, f.inA.dispatcher.username, TEST_PASSWORD);
    await dispatcher.post(`/api/jobs/${created.id}/assign`).send({ courierId: f.courier1.id });

    await eventually(() => gotA.length >= 2 && got1.length >= 1 && gotP.length >= 2);
    expect(gotA.map((p) => p.kind)).toEqual(['created', 'assign']);
    expect(gotA[1]!.job.courier?.id).toBe(f.courier1.id);
    expect(gotA[1]!.job.citizen.phone).toBeUndefined();
    expect(got1.map((p) => p.job.id)).toEqual([created.id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(gotB).toHaveLength(0);
    expect(got2).toHaveLength(0);
  });

  it('sends couriers.moved to the unit’s dispatchers only, and acks the courier', async () => {
    const courierAgent = await loginAs(t.app, f.courier1.username, TEST_PASSWORD);
    await courierAgent.post('/api/couriers/me/duty').send({ onDuty: true, shiftEnd: '23:59' });
    const a = await socketFor(f.inA.dispatcher.username);
    const b = await socketFor(f.dispatcherB.username);
    const c2 = await socketFor(f.courier2.username);
    const [gotA, gotB, got2] = [a, b, c2].map((s) => collect(s.socket, 'couriers.moved')) as [
      Positions,
      Positions,
      Positions,
    ];
    const me = await socketFor(f.courier1.username);
    const ack = await me.socket.emitWithAck('couriers.position', {
      lat: 10.951,
      lng: 106.822,
      accuracy: 8,
      at: new Date().toISOString(),
    });
    expect(ack).toEqual({ ok: true, flagged: false });
    await eventually(() => gotA.length === 1);
    expect(gotA[0]).toMatchObject({ courierId: f.courier1.id, lat: 10.951, lng: 106.822 });
    const future = await me.socket.emitWithAck('couriers.position', {
      lat: 10.95,
      lng: 106.82,
      at: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future).toMatchObject({ ok: false, code: 'position_in_future' });
    const nonsense = await me.socket.emitWithAck('couriers.position', {
      lat: 123,
      lng: 106.82,
      at: new Date().toISOString(),
    });
    expect(nonsense).toMatchObject({ ok: false, code: 'validation_failed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(gotB).toHaveLength(0);
    expect(got2).toHaveLength(0);
    const dispatcherSock = a.socket;
    expect(
      await dispatcherSock.emitWithAck('couriers.position', {
        lat: 10.95,
        lng: 106.82,
        at: new Date().toISOString(),
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('catches a reconnecting dispatcher up on what it missed', async () => {
    const first = await socketFor(f.inA.dispatcher.username);
    const cursor = first.cursor;
    first.socket.disconnect();
    const operator = await loginAs(t.app, f.inA.operator.username, TEST_PASSWORD);
    const missed = (
      await operator.post('/api/jobs').send(jobBody(f, { notes: 'tạo khi mất kết nối' }))
    ).body as Job;
    const manager = await loginAs(t.app, f.provinceManager.username, TEST_PASSWORD);
    const otherUnit = (await manager.post('/api/jobs').send(jobBody(f, { unitId: f.unitB.id })))
      .body as Job;
    expect(otherUnit.id).toBeTruthy();

    const again = await socketFor(f.inA.dispatcher.username);
    expect(again.cursor).toBeGreaterThan(cursor);
    const sync = await again.socket.emitWithAck('jobs.sync', { since: cursor });
    if (!sync.ok) throw new Error(sync.message);
    expect(sync.jobs.map((j) => j.id)).toEqual([missed.id]);
    expect(sync.cursor).toBe(again.cursor);
    const nothing = await again.socket.emitWithAck('jobs.sync', { since: sync.cursor });
    expect(nothing).toMatchObject({ ok: true, jobs: [] });
  });
});
