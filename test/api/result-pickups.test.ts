import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, jobs, resultPickups } from '../../server/src/db/schema';
import type { TestApp } from '../support/app';
import { createCourierFixture, createCourierJob } from '../support/courier-factories';
import { createUser } from '../support/factories';
import { buildAppWith, type Agent } from '../support/org-app';
import { TINY_PNG } from '../support/security-fixture';

const SIGNATURE = `data:image/png;base64,${TINY_PNG.toString('base64')}`;

let t: TestApp;
let fx: Awaited<ReturnType<typeof fixture>>;
let courier: Agent;
let otherCourier: Agent;
let courierB: Agent;
let dispatcher: Agent;
let dispatcherB: Agent;
let seq = 0;

async function fixture(db: TestApp['database']['db']) {
  const f = await createCourierFixture(db);
  const courierB = await createUser(db, 'courier', f.unitB.id);
  return { ...f, courierB };
}

beforeAll(async () => {
  ({
    t,
    f: fx,
    agents: { courier, otherCourier, courierB, dispatcher, dispatcherB },
  } = await buildAppWith(fixture, (f) => ({
    courier: f.courier,
    otherCourier: f.otherCourier,
    courierB: f.courierB,
    dispatcher: f.inA.dispatcher,
    dispatcherB: f.dispatcherB,
  })));
});
afterAll(async () => t?.close());

/** A finished result waiting at the agency: a result delivery with its dossier code. */
async function result(
  opts: {
    unitId?: string;
    courierId?: string | null;
    status?: string;
    type?: 'home_assistance';
  } = {},
) {
  seq += 1;
  const dossierCode = `H48.19.10-261207-${String(seq).padStart(4, '0')}`;
  const row = await createCourierJob(t.database.db, {
    unitId: opts.unitId ?? fx.unitA.id,
    courierId: opts.courierId ?? null,
    status: opts.status ?? 'new',
    type: opts.type ?? 'result_delivery',
  });
  await t.database.db.update(jobs).set({ dossierCode }).where(eq(jobs.id, row.id));
  return { ...row, dossierCode };
}

async function check(agent: Agent, codes: string[]) {
  const res = await agent.post('/api/couriers/me/result-pickups/check').send({ codes });
  expect(res.status, res.text).toBe(200);
  return res.body.items as {
    code: string;
    ok: boolean;
    reason?: string;
    message?: { vi: string; en: string };
    job?: { id: string; code: string; citizenName: string; addressText: string };
  }[];
}

function pickUp(
  agent: Agent,
  codes: string[],
  opts: { key?: string | null; extra?: Record<string, unknown> } = {},
) {
  const req = agent.post('/api/couriers/me/result-pickups');
  if (opts.key !== null) req.set('Idempotency-Key', opts.key ?? randomUUID());
  return req.send({
    codes,
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Đồng Nai',
    clerkName: 'Trần Thị Bình',
    clerkSignature: SIGNATURE,
    ...opts.extra,
  });
}

async function jobRow(id: string) {
  const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

async function counts() {
  const db = t.database.db;
  const [p] = await db.select({ n: count() }).from(resultPickups);
  const [d] = await db.select({ n: count() }).from(documents);
  return { pickups: p!.n, documents: d!.n };
}

describe('POST /api/couriers/me/result-pickups/check', () => {
  it('takes free results of the office and the courier’s own, and names why every other code is refused', async () => {
    const free = await result();
    const mine = await result({ courierId: fx.courier.id, status: 'assigned' });
    const other = await result({ unitId: fx.unitB.id });
    const taken = await result({ courierId: fx.courier.id, status: 'picked_up' });
    const colleague = await result({ courierId: fx.otherCourier.id, status: 'accepted' });
    const pickup = await result({ type: 'home_assistance' });
    const done = await result({ courierId: fx.courier.id, status: 'completed' });
    const items = await check(courier, [
      `  ${free.dossierCode.toLowerCase()} `,
      mine.code,
      'H48.00.00-000000-9999',
      other.dossierCode,
      taken.dossierCode,
      colleague.dossierCode,
      pickup.dossierCode,
      done.dossierCode,
      free.dossierCode,
    ]);
    expect(items.map((i) => [i.code, i.ok, i.reason])).toEqual([
      [free.dossierCode, true, undefined],
      [mine.code, true, undefined],
      ['H48.00.00-000000-9999', false, 'unknown_code'],
      [other.dossierCode, false, 'other_office'],
      [taken.dossierCode, false, 'already_picked_up'],
      [colleague.dossierCode, false, 'assigned_to_other_courier'],
      [pickup.dossierCode, false, 'not_a_result'],
      [done.dossierCode, false, 'finished'],
      [free.dossierCode, false, 'duplicate'],
    ]);
    expect(items[0]!.job).toMatchObject({ id: free.id, code: free.code });
    // Not the courier's job yet: the name is shown as on public papers.
    expect(items[0]!.job!.citizenName).toMatch(/^(\p{Lu}\. )+\S+$/u);
    expect(items[3]).toMatchObject({ message: { vi: expect.stringContaining('bưu cục khác') } });
    expect(items[3]!.job).toBeUndefined();
    // Nothing was written.
    expect(await jobRow(free.id)).toMatchObject({ status: 'new', courierId: null });
  });

  it('refuses an empty list and more than 500 codes with 400', async () => {
    const empty = await courier.post('/api/couriers/me/result-pickups/check').send({ codes: [] });
    expect(empty.status).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => `C${i}`);
    const tooMany = await courier
      .post('/api/couriers/me/result-pickups/check')
      .send({ codes: many });
    expect(tooMany.status).toBe(400);
  });

  it('is for couriers only', async () => {
    const res = await dispatcher
      .post('/api/couriers/me/result-pickups/check')
      .send({ codes: ['X'] });
    expect(res.status).toBe(403);
  });
});

describe('POST /api/couriers/me/result-pickups', () => {
  it('picks up every valid result in one action through the job engine, flags the rest and numbers the record', async () => {
    const free = await result();
    const mine = await result({ courierId: fx.courier.id, status: 'accepted' });
    const colleague = await result({ courierId: fx.otherCourier.id, status: 'assigned' });
    const res = await pickUp(courier, [
      free.dossierCode,
      mine.dossierCode,
      colleague.dossierCode,
      'NOPE-1',
    ]);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Đồng Nai',
      clerkName: 'Trần Thị Bình',
      replayed: false,
      flagged: [
        { code: colleague.dossierCode, reason: 'assigned_to_other_courier' },
        { code: 'NOPE-1', reason: 'unknown_code' },
      ],
    });
    expect(res.body.recordNo).toMatch(/\/BBNKQ-\d{5}$/);
    expect(res.body.clerkSignatureId).toEqual(expect.any(String));
    expect(res.body.items.map((i: { jobId: string }) => i.jobId).sort()).toEqual(
      [free.id, mine.id].sort(),
    );

    for (const j of [free, mine]) {
      expect(await jobRow(j.id)).toMatchObject({ status: 'picked_up', courierId: fx.courier.id });
    }
    expect(await jobRow(colleague.id)).toMatchObject({
      status: 'assigned',
      courierId: fx.otherCourier.id,
    });
    // The free job went the whole way through the engine: claimed, accepted, picked up.
    const events = await courier.get(`/api/jobs/${free.id}/events`);
    expect(events.status).toBe(200);
    const steps = (events.body.items as { kind: string; toStatus: string | null }[]).map(
      (e) => `${e.kind}:${e.toStatus}`,
    );
    expect(steps).toEqual(
      expect.arrayContaining(['assign:assigned', 'transition:accepted', 'transition:picked_up']),
    );
    // The postal leg runs from the pickup, as for any result taken.
    expect((await jobRow(free.id)).legDueDate).not.toBeNull();

    // The clerk's signature is on file as a document of a result in the record.
    const docs = await courier.get(`/api/jobs/${res.body.items[0].jobId}/documents`);
    expect(docs.body.items.map((d: { id: string }) => d.id)).toContain(res.body.clerkSignatureId);

    // Scanned again later: already picked up.
    const again = await check(courier, [free.dossierCode]);
    expect(again[0]).toMatchObject({ ok: false, reason: 'already_picked_up' });

    const next = await pickUp(courier, [(await result()).dossierCode]);
    expect(next.status).toBe(201);
    const n = (no: string) => Number(no.split('-').pop());
    expect(n(next.body.recordNo)).toBe(n(res.body.recordNo) + 1);
  });

  it('returns the same record to a retry with the same key, and writes nothing twice', async () => {
    const free = await result();
    const key = randomUUID();
    const first = await pickUp(courier, [free.dossierCode], { key });
    expect(first.status).toBe(201);
    const before = await counts();
    const retry = await pickUp(courier, [free.dossierCode], { key });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      id: first.body.id,
      recordNo: first.body.recordNo,
      replayed: true,
    });
    expect(await counts()).toEqual(before);
  });

  it('flags a code that became invalid after the check instead of taking it', async () => {
    const a = await result();
    const b = await result();
    expect((await check(courier, [a.dossierCode, b.dossierCode])).every((i) => i.ok)).toBe(true);
    // Meanwhile the dispatcher gives b to a colleague.
    const assign = await dispatcher
      .post(`/api/jobs/${b.id}/assign`)
      .send({ courierId: fx.otherCourier.id });
    expect(assign.status, assign.text).toBe(200);
    const res = await pickUp(courier, [a.dossierCode, b.dossierCode]);
    expect(res.status).toBe(201);
    expect(res.body.items.map((i: { jobId: string }) => i.jobId)).toEqual([a.id]);
    expect(res.body.flagged).toEqual([
      { code: b.dossierCode, reason: 'assigned_to_other_courier' },
    ]);
    expect(await jobRow(b.id)).toMatchObject({ status: 'assigned', courierId: fx.otherCourier.id });
  });

  it('answers 422 no_valid_codes and writes nothing when no code can be taken', async () => {
    const other = await result({ unitId: fx.unitB.id });
    const before = await counts();
    const res = await pickUp(courier, [other.dossierCode, 'NOPE-2']);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('no_valid_codes');
    expect(await counts()).toEqual(before);
    expect(await jobRow(other.id)).toMatchObject({ status: 'new', courierId: null });
  });

  it('never takes another post office’s result, even alongside valid ones', async () => {
    const ours = await result();
    const theirs = await result({ unitId: fx.unitB.id });
    const res = await pickUp(courierB, [ours.dossierCode, theirs.dossierCode]);
    expect(res.status).toBe(201);
    expect(res.body.items.map((i: { jobId: string }) => i.jobId)).toEqual([theirs.id]);
    expect(res.body.flagged).toEqual([{ code: ours.dossierCode, reason: 'other_office' }]);
    expect(await jobRow(ours.id)).toMatchObject({ status: 'new', courierId: null });
  });

  it('refuses the whole batch, writing nothing, when the time is before a result existed', async () => {
    const fresh = await result();
    const before = await counts();
    const res = await pickUp(courier, [fresh.dossierCode], {
      extra: { occurredAt: new Date(Date.now() - 7 * 3600_000).toISOString() },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('occurred_at_before_job');
    expect(await counts()).toEqual(before);
    expect(await jobRow(fresh.id)).toMatchObject({ status: 'new' });
  });

  it('needs an Idempotency-Key (428) and a readable signature (422), writing nothing', async () => {
    const free = await result();
    const before = await counts();
    const noKey = await pickUp(courier, [free.dossierCode], { key: null });
    expect(noKey.status).toBe(428);
    expect(noKey.body.error.code).toBe('idempotency_key_required');
    const notAnImage = `data:image/png;base64,${Buffer.from('not an image at all').toString('base64')}`;
    const badSig = await pickUp(courier, [free.dossierCode], {
      extra: { clerkSignature: notAnImage },
    });
    expect(badSig.status).toBe(422);
    const noSig = await pickUp(courier, [free.dossierCode], {
      extra: { clerkSignature: undefined },
    });
    expect(noSig.status).toBe(400);
    expect(Object.keys(noSig.body.error.fields)).toEqual(['clerkSignature']);
    expect(await counts()).toEqual(before);
    expect(await jobRow(free.id)).toMatchObject({ status: 'new' });
  });
});

describe('GET /api/result-pickups/:id', () => {
  it('shows the record to its courier and the office of its unit, and to nobody else (404)', async () => {
    const free = await result();
    const res = await pickUp(courier, [free.dossierCode]);
    expect(res.status).toBe(201);
    const url = `/api/result-pickups/${res.body.id}`;

    const own = await courier.get(url);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      id: res.body.id,
      recordNo: res.body.recordNo,
      clerkSignatureId: res.body.clerkSignatureId,
      items: [{ jobId: free.id, jobCode: free.code, dossierCode: free.dossierCode }],
    });
    expect((await dispatcher.get(url)).status).toBe(200);
    expect((await otherCourier.get(url)).status).toBe(404);
    expect((await dispatcherB.get(url)).status).toBe(404);
    expect((await courier.get(`/api/result-pickups/${randomUUID()}`)).status).toBe(404);
  });
});
