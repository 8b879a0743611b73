import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate } from '@tannha/shared';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, createUser, TEST_PASSWORD } from '../support/factories';
import { addJobEvent, createCitizen, createJob } from '../support/reports-factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
let done: Awaited<ReturnType<typeof createJob>>;
let open: Awaited<ReturnType<typeof createJob>>;
let courierId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  org = await createOrgFixture(db);
  const courier = await createUser(db, 'courier', org.unitA.id, { fullName: 'Phạm Minh Tâm' });
  courierId = courier.id;
  const citizen = await createCitizen(db, { phone: '+84903111222' });
  done = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    status: 'completed',
    courierId: courier.id,
    completedAt: new Date(),
  });
  await addJobEvent(db, done.id, {
    toStatus: 'completed',
    fromStatus: 'submitted',
    occurredAt: new Date(),
  });
  open = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    status: 'on_site',
    courierId: courier.id,
  });
});
afterAll(async () => t.close());

const rate = (code: string, body: object) =>
  request(t.app).post(`/api/track/${code}/rating`).send(body);

describe('POST /api/track/:code/rating', () => {
  it('refuses to rate a job that is not completed yet', async () => {
    const res = await rate(open.code, { phone: '1222', stars: 5 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('rating_not_open');
  });

  it('refuses a wrong phone with the same 404 as the look-up', async () => {
    const res = await rate(done.code, { phone: '9999', stars: 5 });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('tracking_not_found');
  });

  it('rejects stars outside 1–5 field by field', async () => {
    const res = await rate(done.code, { phone: '1222', stars: 6 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain('stars');
  });

  it('takes one rating after completion and refuses a second', async () => {
    const first = await rate(done.code, {
      phone: '1222',
      stars: 4,
      comment: 'Bưu tá nhiệt tình, đúng hẹn.',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stars: 4, comment: 'Bưu tá nhiệt tình, đúng hẹn.' });
    const second = await rate(done.code, { phone: '1222', stars: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('rating_exists');
    const view = await request(t.app).get(`/api/track/${done.code}`).query({ phone: '1222' });
    expect(view.body).toMatchObject({ canRate: false, rating: { stars: 4 } });
  });

  it('shows the rating to the unit’s manager, on the dashboard and per courier', async () => {
    // The day is read now, after the rating was given: yesterday and today hold it whatever
    // the hour, even if Vietnamese midnight passed since.
    const today = toVnDate(new Date());
    const agent = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const list = await agent.get('/api/ratings').query({ from: addDays(today, -1), to: today });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ jobCode: done.code, stars: 4, courierName: 'Phạm Minh Tâm' }),
    ]);
    const summary = await agent
      .get('/api/reports/summary')
      .query({ from: addDays(today, -1), to: today });
    expect(summary.body.ratings).toMatchObject({
      count: 1,
      average: 4,
      distribution: [0, 0, 0, 1, 0],
    });
    expect(
      summary.body.couriers.find((c: { courierId: string }) => c.courierId === courierId),
    ).toMatchObject({ ratingCount: 1, ratingAverage: 4 });
  });

  it('keeps unit B’s ratings from unit A’s manager and couriers', async () => {
    const today = toVnDate(new Date());
    const b = await (
      await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD)
    )
      .get('/api/ratings')
      .query({ from: today, to: today, unitId: org.unitB.id });
    expect(b.status).toBe(403);
    const c = await (
      await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD)
    )
      .get('/api/ratings')
      .query({ from: today, to: today });
    expect(c.status).toBe(403);
  });
});
