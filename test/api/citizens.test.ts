import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, citizens, jobs } from '../../server/src/db/schema';
import { loginAs, type TestApp } from '../support/app';
import { buildAppWith, type Agent, type OrgFixture } from '../support/org-app';
import { createCitizen, uniquePhone } from '../support/calls-factories';
import { createOrgFixture, createProcedure, TEST_PASSWORD } from '../support/factories';
import { createCall } from '../support/reports-factories';

let t: TestApp;
let org: OrgFixture;
let agent: Agent;
/** A dispatcher of unit B, the sibling of the operator's unit A. */
let sibling: Agent;

beforeAll(async () => {
  ({
    t,
    f: org,
    agents: { agent, sibling },
  } = await buildAppWith(createOrgFixture, (f) => ({
    agent: f.inA.operator,
    sibling: f.dispatcherB,
  })));
});
afterAll(async () => t?.close());

describe('/api/citizens (caller directory)', () => {
  it('finds "Đặng Minh Dũng" by "dang minh dung", first, among similar names', async () => {
    await createCitizen(t.database.db, { fullName: 'Đặng Minh Dũng' });
    await createCitizen(t.database.db, { fullName: 'Đặng Minh Đức' });
    await createCitizen(t.database.db, { fullName: 'Nguyễn Minh Dũng' });
    const res = await agent.get('/api/citizens').query({ q: 'dang minh dung' });
    expect(res.status).toBe(200);
    expect(res.body.items[0].fullName).toBe('Đặng Minh Dũng');
  });

  it('creates a caller with an address (ward + pin) and finds them by phone typed any way', async () => {
    const created = await agent.post('/api/citizens').send({
      fullName: 'Phạm Thị Thu',
      phone: '0903.456.789',
      addresses: [
        {
          label: 'Nhà',
          addressText: '45 Phạm Văn Thuận, phường Tam Hiệp',
          wardCode: '26041',
          lat: 10.9446,
          lng: 106.8588,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.phone).toBe('+84903456789');
    expect(created.body.addresses[0]).toMatchObject({
      wardCode: '26041',
      lat: 10.9446,
      lng: 106.8588,
    });
    for (const typed of ['0903456789', '+84 903 456 789', '84903456789', '(+84) 903-456-789']) {
      const res = await agent.get('/api/citizens').query({ phone: typed });
      expect(
        res.body.items.map((c: { id: string }) => c.id),
        typed,
      ).toEqual([created.body.id]);
    }
    const bad = await agent.get('/api/citizens').query({ phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.phone).toMatch(/10 số|10 digits/);
  });

  it('edits the caller and their addresses, and shows calls and jobs in the history', async () => {
    const c = await createCitizen(t.database.db, { fullName: 'Võ Văn Tám' });
    const patched = await agent
      .patch(`/api/citizens/${c.id}`)
      .send({ fullName: 'Võ Văn Tâm', smsOptOut: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ fullName: 'Võ Văn Tâm', smsOptOut: true });
    const addr = await agent
      .post(`/api/citizens/${c.id}/addresses`)
      .send({ addressText: '9 Đồng Khởi, phường Tam Hiệp', lat: 10.94, lng: 106.85 });
    expect(addr.status).toBe(201);
    const moved = await agent
      .put(`/api/citizens/${c.id}/addresses/${addr.body.id}`)
      .send({ addressText: '11 Đồng Khởi, phường Tam Hiệp', wardCode: '26041' });
    expect(moved.body.addressText).toBe('11 Đồng Khởi, phường Tam Hiệp');
    await agent
      .post('/api/calls')
      .send({ callerPhone: c.phone, category: 'procedure_question', content: 'Hỏi thủ tục' });
    const history = await agent.get(`/api/citizens/${c.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.calls).toHaveLength(1);
    expect(history.body.calls[0].content).toBe('Hỏi thủ tục');
    expect(history.body.citizen.addresses).toHaveLength(2);
    expect(history.body.jobs).toEqual([]);
    expect((await agent.delete(`/api/citizens/${c.id}/addresses/${addr.body.id}`)).status).toBe(
      204,
    );
  });

  it('keeps callers of another unit out of reach and couriers out of the directory', async () => {
    const c = await createCitizen(t.database.db, { fullName: 'Lý Thị Mơ', unitId: org.unitB.id });
    expect((await agent.get(`/api/citizens/${c.id}`)).status).toBe(403);
    const list = await agent.get('/api/citizens').query({ q: 'ly thi mo' });
    expect(list.body.items).toHaveLength(0);
    const courier = await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD);
    expect((await courier.get('/api/citizens').query({ q: 'ly' })).status).toBe(403);
  });
});

/** A caller the operator of unit A writes as the console does (no unit sent), with a call and a job. */
async function unitACallerWithHistory() {
  const phone = uniquePhone();
  const created = await agent.post('/api/citizens').send({
    fullName: 'Hồ Thị Ngân',
    phone,
    addresses: [{ addressText: '7 Nguyễn Ái Quốc, phường Tân Phong' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const call = await agent.post('/api/calls').send({
    callerPhone: phone,
    citizenId: created.body.id,
    category: 'procedure_question',
    content: 'Hỏi cấp đổi căn cước tại nhà',
  });
  expect(call.status, JSON.stringify(call.body)).toBe(201);
  const procedure = await createProcedure(t.database.db);
  const job = await agent.post('/api/jobs').send({
    type: 'home_assistance',
    unitId: org.unitA.id,
    citizenId: created.body.id,
    procedureId: procedure.id,
    callId: call.body.id,
    addressText: '7 Nguyễn Ái Quốc, phường Tân Phong',
  });
  expect(job.status, JSON.stringify(job.body)).toBe(201);
  return { citizen: created.body, call: call.body, job: job.body, phone, procedure };
}

const jobsOfCitizen = (citizenId: string) =>
  t.database.db.select().from(jobs).where(eq(jobs.citizenId, citizenId));

describe('a caller belongs to the unit that wrote them', () => {
  it('ties a caller created without a unit to the operator’s unit', async () => {
    const { citizen } = await unitACallerWithHistory();
    expect(citizen.unitId).toBe(org.unitA.id);
  });

  it('refuses to tie a caller to another unit, or to leave an edited caller without one', async () => {
    const foreign = await agent
      .post('/api/citizens')
      .send({ fullName: 'Mai Văn Hải', phone: uniquePhone(), unitId: org.unitB.id });
    expect(foreign.status).toBe(403);
    const { citizen } = await unitACallerWithHistory();
    const cleared = await agent.patch(`/api/citizens/${citizen.id}`).send({ unitId: null });
    expect(cleared.status).toBe(422);
    expect(cleared.body.error.code).toBe('citizen_unit_required');
    const [row] = await t.database.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(row!.unitId).toBe(org.unitA.id);
  });

  it('keeps the caller, their calls and jobs away from a sibling unit', async () => {
    const { citizen, phone, job } = await unitACallerWithHistory();
    const byPhone = await sibling.get('/api/citizens').query({ phone });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items).toEqual([]);
    const byName = await sibling.get('/api/citizens').query({ q: 'ho thi ngan' });
    expect(byName.body.items).toEqual([]);
    for (const path of [`/api/citizens/${citizen.id}`, `/api/citizens/${citizen.id}/history`]) {
      const res = await sibling.get(path);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(job.code);
      expect(JSON.stringify(res.body)).not.toContain('Hỏi cấp đổi');
    }
    const edit = await sibling.patch(`/api/citizens/${citizen.id}`).send({ notes: 'x' });
    expect(edit.status).toBe(403);
    const unknown = await sibling.get('/api/citizens/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });

  it('lists in the history only the calls and jobs of the reader’s units', async () => {
    const { citizen, phone } = await unitACallerWithHistory();
    await createCall(t.database.db, {
      unitId: org.unitB.id,
      callerPhone: phone,
      startedAt: new Date(),
      content: 'Cuộc gọi của bưu cục B',
    });
    const history = await agent.get(`/api/citizens/${citizen.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.calls.map((c: { content: string }) => c.content)).toEqual([
      'Hỏi cấp đổi căn cước tại nhà',
    ]);
    expect(history.body.jobs).toHaveLength(1);
  });

  it('never links a sibling unit’s call to this unit’s caller by phone', async () => {
    const { phone } = await unitACallerWithHistory();
    const call = await sibling
      .post('/api/calls')
      .send({ callerPhone: phone, category: 'procedure_question', content: 'Gọi lại' });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect(call.body.citizenId).toBeNull();
    expect(JSON.stringify(call.body)).not.toContain('Hồ Thị Ngân');
  });

  it('refuses a call edit that links a caller of another unit', async () => {
    const { citizen } = await unitACallerWithHistory();
    const call = await sibling
      .post('/api/calls')
      .send({ callerPhone: uniquePhone(), category: 'procedure_question' });
    const linked = await sibling
      .patch(`/api/calls/${call.body.id}`)
      .send({ citizenId: citizen.id });
    expect(linked.status).toBe(403);
    const [row] = await t.database.db.select().from(calls).where(eq(calls.id, call.body.id));
    expect(row!.citizenId).toBeNull();
  });

  it('refuses a job of a sibling unit for this unit’s caller or call, and writes nothing', async () => {
    const { citizen, call, procedure } = await unitACallerWithHistory();
    const body = {
      type: 'home_assistance',
      unitId: org.unitB.id,
      procedureId: procedure.id,
      addressText: '1 Hà Huy Giáp, phường Trấn Biên',
    };
    const byCitizen = await sibling.post('/api/jobs').send({ ...body, citizenId: citizen.id });
    expect(byCitizen.status, JSON.stringify(byCitizen.body)).toBe(403);
    expect(JSON.stringify(byCitizen.body)).not.toContain(citizen.phone);
    const own = await createCitizen(t.database.db, { unitId: org.unitB.id });
    const byCall = await sibling
      .post('/api/jobs')
      .send({ ...body, citizenId: own.id, callId: call.id });
    expect(byCall.status, JSON.stringify(byCall.body)).toBe(403);
    const noCall = await sibling
      .post('/api/jobs')
      .send({ ...body, citizenId: own.id, callId: '00000000-0000-4000-8000-000000000000' });
    expect(noCall.status).toBe(422);
    expect(noCall.body.error.code).toBe('call_not_found');
    expect(await jobsOfCitizen(citizen.id)).toHaveLength(1);
    expect(await jobsOfCitizen(own.id)).toHaveLength(0);
  });

  it('pops on a screen only the receiving unit’s caller and calls', async () => {
    const { citizen, phone } = await unitACallerWithHistory();
    // A call of unit B still linked to unit A's caller (written before the rule).
    const ringing = await createCall(t.database.db, {
      unitId: org.unitB.id,
      callerPhone: phone,
      citizenId: citizen.id,
      startedAt: new Date(),
    });
    const pop = await sibling.get(`/api/telephony/screen-pop/${ringing.id}`);
    expect(pop.status, JSON.stringify(pop.body)).toBe(200);
    expect(pop.body.citizen).toBeNull();
    expect(pop.body.openJobs).toEqual([]);
    expect(pop.body.lastCalls).toEqual([]);
  });
});
