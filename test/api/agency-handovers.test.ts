import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app';
import { buildAppWith, type Agent, type CourierFixture } from '../support/org-app';
import { createCourierFixture, createCourierJob } from '../support/courier-factories';
import { createProcedure } from '../support/factories';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

type Candidate = { jobId: string; slipNo: string; agency: string | null; complete: boolean };

let t: TestApp;
let fx: CourierFixture;
let courier: Agent;
let otherCourier: Agent;
let dispatcher: Agent;
let dispatcherB: Agent;

beforeAll(async () => {
  ({
    t,
    f: fx,
    agents: { courier, otherCourier, dispatcher, dispatcherB },
  } = await buildAppWith(createCourierFixture, (f) => ({
    courier: f.courier,
    otherCourier: f.otherCourier,
    dispatcher: f.inA.dispatcher,
    dispatcherB: f.dispatcherB,
  })));
});
afterAll(async () => t?.close());

async function upload(agent: Agent, jobId: string) {
  const res = await agent
    .post(`/api/jobs/${jobId}/documents`)
    .set('Idempotency-Key', randomUUID())
    .field('kind', 'signature')
    .attach('file', PNG, 'sig.png');
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A home pickup done at the door through the API: the job is `collected` with its slip. */
async function collectedDossier(
  agent: Agent,
  courierId: string,
  opts: { missing?: boolean; procedureId?: string } = {},
) {
  const job = await createCourierJob(t.database.db, {
    unitId: fx.unitA.id,
    courierId,
    type: 'home_assistance',
    status: 'on_site',
    ...(opts.procedureId ? { procedureId: opts.procedureId } : {}),
  });
  const res = await agent
    .post(`/api/jobs/${job.id}/dossier-slip`)
    .set('Idempotency-Key', randomUUID())
    .send({
      papers: [
        { name: 'Tờ khai', copy: 'original', present: true },
        { name: 'Bản sao CCCD', copy: 'copy', present: !opts.missing },
      ],
      citizenSignatureId: await upload(agent, job.id),
      courierSignatureId: await upload(agent, job.id),
    });
  expect(res.status).toBe(201);
  return { job, slipNo: res.body.slipNo as string };
}

async function eligible(agent: Agent, query: Record<string, string> = {}) {
  const res = await agent.get('/api/agency-handovers/eligible').query(query);
  expect(res.status).toBe(200);
  return res.body.items as Candidate[];
}

async function handOver(agent: Agent, jobIds: string[], extra: Record<string, unknown> = {}) {
  return agent
    .post('/api/agency-handovers')
    .set('Idempotency-Key', randomUUID())
    .send({
      agencyName: 'Sở Tư pháp tỉnh Đồng Nai',
      clerkName: 'Lê Văn Cường',
      items: jobIds.map((jobId) => ({ jobId, complete: true })),
      ...extra,
    });
}

describe('GET /api/agency-handovers/eligible', () => {
  it('lists the courier’s own collected dossiers with their slip and agency, and drops each once a handover record lists it', async () => {
    const proc = await createProcedure(t.database.db, {
      name: 'Cấp phiếu lý lịch tư pháp',
      agency: 'Sở Tư pháp tỉnh Đồng Nai',
    });
    const a = await collectedDossier(courier, fx.courier.id, { procedureId: proc.id });
    const b = await collectedDossier(courier, fx.courier.id, { missing: true });
    const others = await collectedDossier(otherCourier, fx.otherCourier.id);
    // Collected but the slip was never made: the agency handover would refuse it.
    const noSlip = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      type: 'home_assistance',
      status: 'collected',
    });

    const before = await eligible(courier);
    const ids = before.map((c) => c.jobId);
    expect(ids).toEqual(expect.arrayContaining([a.job.id, b.job.id]));
    expect(ids).not.toContain(others.job.id);
    expect(ids).not.toContain(noSlip.id);
    expect(before.find((c) => c.jobId === a.job.id)).toMatchObject({
      jobCode: a.job.code,
      status: 'collected',
      slipNo: a.slipNo,
      procedureName: 'Cấp phiếu lý lịch tư pháp',
      agency: 'Sở Tư pháp tỉnh Đồng Nai',
      complete: true,
      missing: [],
    });
    expect(before.find((c) => c.jobId === b.job.id)).toMatchObject({
      complete: false,
      missing: ['Bản sao CCCD'],
    });
    // A courier cannot look at a colleague's list by naming them.
    const asOther = await eligible(courier, { courierId: fx.otherCourier.id });
    expect(asOther.map((c) => c.jobId)).not.toContain(others.job.id);

    expect((await handOver(courier, [a.job.id])).status).toBe(201);
    const after = (await eligible(courier)).map((c) => c.jobId);
    expect(after).not.toContain(a.job.id);
    expect(after).toContain(b.job.id);
  });

  it('shows the office the dossiers of its units, one courier’s with courierId, and nothing of another unit', async () => {
    const mine = await collectedDossier(courier, fx.courier.id);
    const theirs = await collectedDossier(otherCourier, fx.otherCourier.id);

    const all = (await eligible(dispatcher)).map((c) => c.jobId);
    expect(all).toEqual(expect.arrayContaining([mine.job.id, theirs.job.id]));
    const one = await eligible(dispatcher, { courierId: fx.otherCourier.id });
    expect(one.map((c) => c.jobId)).toContain(theirs.job.id);
    expect(one.map((c) => c.jobId)).not.toContain(mine.job.id);
    expect(await eligible(dispatcherB)).toEqual([]);

    const bad = await dispatcher.get('/api/agency-handovers/eligible').query({ courierId: 'x' });
    expect(bad.status).toBe(400);
  });

  it('needs a login', async () => {
    const res = await request(t.app).get('/api/agency-handovers/eligible');
    expect(res.status).toBe(401);
  });
});

describe('POST /api/agency-handovers then reading it back', () => {
  it('links every slip to the record, keeps the clerk’s signature, and refuses the same dossier in a second record with 409', async () => {
    const a = await collectedDossier(courier, fx.courier.id);
    const b = await collectedDossier(courier, fx.courier.id, { missing: true });
    const clerkSignatureId = await upload(courier, a.job.id);
    const signedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const res = await handOver(courier, [a.job.id, b.job.id], {
      clerkSignatureId,
      occurredAt: signedAt,
      items: [
        { jobId: a.job.id, complete: true },
        { jobId: b.job.id, complete: false, note: 'Thiếu bản sao CCCD' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clerkSignatureId, signedAt });
    expect(res.body.recordNo).toMatch(/\/BBGN-\d{5}$/);

    for (const { job } of [a, b]) {
      const papers = await courier.get(`/api/jobs/${job.id}/papers`);
      expect(papers.body.slip).toMatchObject({ agencyHandoverId: res.body.id, filedAt: signedAt });
    }
    const again = await handOver(courier, [b.job.id]);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_handed_over');
  });

  it('refuses a clerk signature taken for a dossier not in the record, writing nothing', async () => {
    const a = await collectedDossier(courier, fx.courier.id);
    const other = await collectedDossier(courier, fx.courier.id);
    const foreign = await upload(courier, other.job.id);
    const res = await handOver(courier, [a.job.id], { clerkSignatureId: foreign });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('document_not_on_job');
    expect(Object.keys(res.body.error.fields)).toEqual(['clerkSignatureId']);
    expect((await eligible(courier)).map((c) => c.jobId)).toContain(a.job.id);
  });
});

describe('GET /api/agency-handovers', () => {
  it('lists the latest records newest first with their dossier count, the courier’s own and the office’s units’', async () => {
    const a = await collectedDossier(courier, fx.courier.id);
    const b = await collectedDossier(courier, fx.courier.id);
    const older = await handOver(courier, [a.job.id], {
      occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    });
    const newer = await handOver(courier, [b.job.id]);
    const c = await collectedDossier(otherCourier, fx.otherCourier.id);
    const theirs = await handOver(otherCourier, [c.job.id]);
    expect([older.status, newer.status, theirs.status]).toEqual([201, 201, 201]);

    const own = await courier.get('/api/agency-handovers');
    expect(own.status).toBe(200);
    const ownIds = own.body.items.map((h: { id: string }) => h.id);
    expect(ownIds).not.toContain(theirs.body.id);
    expect(ownIds.indexOf(newer.body.id)).toBeLessThan(ownIds.indexOf(older.body.id));
    expect(own.body.items[0]).toMatchObject({
      id: newer.body.id,
      recordNo: newer.body.recordNo,
      agencyName: 'Sở Tư pháp tỉnh Đồng Nai',
      clerkName: 'Lê Văn Cường',
      courierName: fx.courier.fullName,
      itemCount: 1,
    });
    expect(
      (await courier.get('/api/agency-handovers').query({ limit: 1 })).body.items,
    ).toHaveLength(1);

    const office = (await dispatcher.get('/api/agency-handovers')).body.items.map(
      (h: { id: string }) => h.id,
    );
    expect(office).toEqual(expect.arrayContaining([newer.body.id, theirs.body.id]));
    expect((await dispatcherB.get('/api/agency-handovers')).body.items).toEqual([]);
    expect((await dispatcherB.get(`/api/agency-handovers/${newer.body.id}`)).status).toBe(404);
  });
});
