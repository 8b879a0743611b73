import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestApp } from '../support/app';
import { buildAppWith, type Agent, type OrgFixture } from '../support/org-app';
import { createCitizen } from '../support/calls-factories';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: OrgFixture;
let agent: Agent;

beforeAll(async () => {
  ({
    t,
    f: org,
    agents: { agent },
  } = await buildAppWith(createOrgFixture, (f) => ({ agent: f.inA.operator })));
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
