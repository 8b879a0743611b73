import request from 'supertest';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate } from '@tannha/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { createOrgFixture, createProcedure, createUser } from '../support/factories';
import { addJobEvent, createCitizen, createJob } from '../support/reports-factories';

let t: TestApp;
let enRoute: Awaited<ReturnType<typeof createJob>>;
let failed: Awaited<ReturnType<typeof createJob>>;
const PHONE = '+84912345678';
const ADDRESS = '45 Đồng Khởi, phường Trấn Biên, Đồng Nai';
const CITIZEN = 'Lê Thị Riêng Tư';
let ipSeq = 0;
/** Each test speaks from its own address, so the per-address budget of one does not spill into another. */
const from = () => `198.51.100.${++ipSeq}`;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const org = await createOrgFixture(db);
  const courier = await createUser(db, 'courier', org.unitA.id, {
    fullName: 'Nguyễn Văn Hùng',
    phone: '+84987654321',
  });
  const citizen = await createCitizen(db, { fullName: CITIZEN, phone: PHONE, cccdLast4: '1234' });
  const procedure = await createProcedure(db, { name: 'Đăng ký khai sinh' });
  const t0 = new Date(Date.now() - 3 * 3600_000);
  enRoute = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    type: 'result_delivery',
    status: 'en_route',
    courierId: courier.id,
    procedureId: procedure.id,
    dossierCode: 'H48.19.10-261122-0042',
    addressText: ADDRESS,
    lat: 10.96,
    lng: 106.84,
    dueDate: addDays(toVnDate(new Date()), 1),
    createdAt: t0,
  });
  const steps = ['new', 'assigned', 'accepted', 'picked_up', 'en_route'];
  for (const [i, s] of steps.entries()) {
    await addJobEvent(db, enRoute.id, {
      toStatus: s,
      fromStatus: i ? steps[i - 1] : undefined,
      occurredAt: new Date(t0.getTime() + i * 30 * 60_000),
      reason: i === 3 ? 'Ghi chú nội bộ: gọi 0912345678' : undefined,
    });
  }
  // The courier's phone reported a position 2 minutes ago, about 2 km away.
  await db.execute(
    sql`insert into courier_status (courier_id, on_duty, last_lat, last_lng, last_at) values (${courier.id}, true, 10.96, 106.82, ${new Date(Date.now() - 120_000)})`,
  );

  failed = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    type: 'home_assistance',
    status: 'failed_attempt',
    courierId: courier.id,
    createdAt: t0,
  });
  await addJobEvent(db, failed.id, { toStatus: 'new', occurredAt: t0 });
  await addJobEvent(db, failed.id, {
    toStatus: 'failed_attempt',
    fromStatus: 'on_site',
    occurredAt: new Date(t0.getTime() + 3600_000),
    reason: 'citizen_absent',
  });
});
afterAll(async () => t.close());

const track = (code: string, phone: string, ip = from()) =>
  request(t.app).get(`/api/track/${code}`).query({ phone }).set('X-Forwarded-For', ip);

describe('GET /api/track/:code', () => {
  it('shows the timeline in plain Vietnamese, the due date, the courier’s given name and an ETA while en route', async () => {
    const res = await track(enRoute.code, '5678');
    expect(res.status).toBe(200);
    expect(res.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'new',
      'assigned',
      'accepted',
      'picked_up',
      'en_route',
    ]);
    expect(res.body.timeline[4].label).toBe('Bưu tá đang trên đường đến');
    expect(res.body.statusLabel).toBe('Bưu tá đang trên đường đến');
    expect(res.body.dueDate).toBe(enRoute.dueDate);
    expect(res.body.courierFirstName).toBe('Hùng');
    expect(res.body.dossierCode).toBe('H48.19.10-261122-0042');
    const eta = Date.parse(res.body.eta);
    expect(eta).toBeGreaterThan(Date.now());
    expect(eta).toBeLessThan(Date.now() + 60 * 60_000);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('has no personal fields: the keys are exactly the public ones and no personal value appears', async () => {
    const res = await track(enRoute.code, '5678');
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'canRate',
        'code',
        'courierFirstName',
        'dossierCode',
        'dueDate',
        'dueLabel',
        'eta',
        'procedureName',
        'rating',
        'resultDate',
        'resultNote',
        'status',
        'statusLabel',
        'timeline',
        'type',
        'typeLabel',
        'unitName',
        'window',
      ].sort(),
    );
    for (const e of res.body.timeline)
      expect(Object.keys(e).sort()).toEqual(['at', 'detail', 'label', 'status']);
    const text = JSON.stringify(res.body);
    for (const personal of [
      PHONE,
      '0912345678',
      '345678',
      ADDRESS,
      'Đồng Khởi',
      CITIZEN,
      'Nguyễn Văn',
      '0987654321',
      '1234',
      'Ghi chú nội bộ',
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it('answers the same 404 for a wrong phone and for an unknown code', async () => {
    const wrongPhone = await track(enRoute.code, '0000');
    const unknown = await track('TN000000NOPE', '5678');
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongPhone.body).toEqual(unknown.body);
    expect(wrongPhone.body.error.code).toBe('tracking_not_found');
  });

  it('accepts the code typed in lower case', async () => {
    expect((await track(enRoute.code.toLowerCase(), '5678')).status).toBe(200);
  });

  it('explains a failed attempt with the reason from the fixed list only', async () => {
    const res = await track(failed.code, '5678');
    expect(res.status).toBe(200);
    expect(res.body.timeline[1]).toMatchObject({
      status: 'failed_attempt',
      detail: 'Không gặp được người nhận',
    });
    expect(res.body.eta).toBeNull();
  });

  it('refuses a phone part that is not 4 digits with a field message', async () => {
    const res = await track(enRoute.code, '12ab');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['query.phone']);
  });

  it('answers 429 after too many tries from one address, while another address still gets through', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await track(enRoute.code, String(1000 + i), ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const blocked = await track(enRoute.code, '5678', ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect((await track(enRoute.code, '5678', '203.0.113.78')).status).toBe(200);
  });
});
