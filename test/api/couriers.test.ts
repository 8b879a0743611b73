import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Courier, Job, JobSuggestion } from '@tannha/shared';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createJobsFixture, jobBody, setCourierOnDuty } from '../support/jobs-factories';
import { appServices } from '../../server/src/app';
import { prunePositions } from '../../server/src/modules/couriers/couriers.service';
import { queryRows } from '../../server/src/db/client';

let t: TestApp;
let f: Awaited<ReturnType<typeof createJobsFixture>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;
let dispatcher: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  f = await createJobsFixture(t.database.db);
  dispatcher = await loginAs(t.app, f.inA.dispatcher.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const JOB_AT = { lat: 10.9512, lng: 106.8226 };

describe('GET /api/jobs/:id/suggestions', () => {
  it('ranks the nearest free on-duty courier first and says why', async () => {
    const db = t.database.db;
    const near = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Gần' });
    const busyNear = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Gần Bận' });
    const far = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Xa' });
    const offDuty = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Nghỉ' });
    await setCourierOnDuty(db, near.id, { lat: 10.955, lng: 106.825 });
    await setCourierOnDuty(db, busyNear.id, { lat: 10.952, lng: 106.823 });
    await setCourierOnDuty(db, far.id, { lat: 11.05, lng: 106.95 });
    await setCourierOnDuty(db, f.courierB.id, { lat: 10.9512, lng: 106.8226 });
    // Busy: four open jobs already.
    for (let i = 0; i < 4; i++) {
      const j = (await dispatcher.post('/api/jobs').send(jobBody(f))).body as Job;
      await dispatcher.post(`/api/jobs/${j.id}/assign`).send({ courierId: busyNear.id });
    }
    const job = (await dispatcher.post('/api/jobs').send(jobBody(f, JOB_AT))).body as Job;
    const res = await dispatcher
      .get(`/api/jobs/${job.id}/suggestions`)
      .set('Accept-Language', 'en');
    expect(res.status).toBe(200);
    const items = res.body.items as JobSuggestion[];
    const names = items.map((s) => s.courier.fullName);
    expect(names[0]).toBe('Bưu tá Gần');
    expect(names.indexOf('Bưu tá Gần Bận')).toBeGreaterThan(0);
    expect(names).not.toContain('Bưu tá Nghỉ');
    expect(names).not.toContain(f.courierB.fullName);
    expect(items[0]!.why.vi).toMatch(/^Cách 0,\d km · đang rảnh/);
    expect(items[0]!.why.en).toMatch(/km away · free/);
    const busy = items.find((s) => s.courier.id === busyNear.id)!;
    expect(busy.openJobs).toBe(4);
    expect(busy.why.vi).toContain('4 việc đang làm');
    void offDuty;
  });

  it('is for dispatchers of the job’s unit only', async () => {
    const job = (await dispatcher.post('/api/jobs').send(jobBody(f))).body as Job;
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect((await other.get(`/api/jobs/${job.id}/suggestions`)).status).toBe(403);
    const courier = await loginAs(t.app, f.courier1.username, TEST_PASSWORD);
    expect((await courier.get(`/api/jobs/${job.id}/suggestions`)).status).toBe(403);
  });
});

describe('courier positions', () => {
  it('takes positions only on duty, rejects nonsense, flags impossible speeds and shows the last position to the dispatcher', async () => {
    const db = t.database.db;
    const c = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Định Vị' });
    const agent = await loginAs(t.app, c.username, TEST_PASSWORD);
    const now = Date.now();
    const fix = (lat: number, lng: number, msAgo: number) => ({
      lat,
      lng,
      accuracy: 10,
      at: new Date(now - msAgo).toISOString(),
    });
    const off = await agent.post('/api/couriers/me/positions').send(fix(10.95, 106.82, 0));
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('courier_off_duty');
    expect(
      (await agent.post('/api/couriers/me/duty').send({ onDuty: true, shiftEnd: '23:00' })).body
        .onDuty,
    ).toBe(true);

    expect(
      (
        await agent
          .post('/api/couriers/me/positions')
          .send({ lat: 91, lng: 106, at: new Date().toISOString() })
      ).status,
    ).toBe(400);
    const future = await agent
      .post('/api/couriers/me/positions')
      .send(fix(10.95, 106.82, -10 * 60_000));
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('position_in_future');

    const batch = await agent
      .post('/api/couriers/me/positions')
      .send({ positions: [fix(10.95, 106.82, 120_000), fix(10.951, 106.821, 60_000)] });
    expect(batch.body).toEqual({ accepted: 2, flagged: 0 });
    // 50 km in one minute: 3,000 km/h.
    const jump = await agent.post('/api/couriers/me/positions').send(fix(11.4, 106.82, 0));
    expect(jump.body).toEqual({ accepted: 1, flagged: 1 });

    const list = (await dispatcher.get('/api/couriers')).body.items as Courier[];
    const me = list.find((x) => x.id === c.id)!;
    expect(me.onDuty).toBe(true);
    expect(me.position).toMatchObject({ lat: 10.951, lng: 106.821 });

    await appServices(t.app).positions.flush();
    const rows = await queryRows<{ n: number; flagged: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where flagged)::int as flagged from courier_positions where courier_id = ${c.id}`,
    );
    expect(rows[0]).toEqual({ n: 3, flagged: 1 });
    const trail = await dispatcher.get(`/api/couriers/${c.id}/trail`);
    expect(trail.body.items).toHaveLength(3);
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect((await other.get(`/api/couriers/${c.id}/trail`)).status).toBe(403);
    expect(
      ((await other.get('/api/couriers')).body.items as Courier[]).some((x) => x.id === c.id),
    ).toBe(false);
  });

  it('deletes breadcrumbs older than the retention', async () => {
    const db = t.database.db;
    await db.execute(
      sql`insert into courier_positions (courier_id, lat, lng, at) values (${f.courier2.id}, 10.9, 106.8, now() - interval '40 days'), (${f.courier2.id}, 10.9, 106.8, now() - interval '1 day')`,
    );
    expect(await prunePositions(db)).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from courier_positions where courier_id = ${f.courier2.id}`,
    );
    expect(left[0]!.n).toBe(1);
  });
});

describe('POST /api/couriers/:id/reassign-day', () => {
  it('moves a sick courier’s not-started jobs to another courier, skips jobs under way and takes them off duty', async () => {
    const db = t.database.db;
    const sick = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Ốm' });
    const cover = await createUser(db, 'courier', f.unitA.id, { fullName: 'Bưu tá Thay' });
    await setCourierOnDuty(db, sick.id);
    const sickAgent = await loginAs(t.app, sick.username, TEST_PASSWORD);
    const jobs: Job[] = [];
    for (let i = 0; i < 3; i++) {
      const j = (await dispatcher.post('/api/jobs').send(jobBody(f))).body as Job;
      jobs.push(
        (await dispatcher.post(`/api/jobs/${j.id}/assign`).send({ courierId: sick.id }))
          .body as Job,
      );
    }
    await sickAgent.post(`/api/jobs/${jobs[1]!.id}/transitions`).send({ to: 'accepted' });
    for (const to of ['accepted', 'en_route', 'on_site', 'collected'])
      await sickAgent.post(`/api/jobs/${jobs[2]!.id}/transitions`).send({ to });

    expect(
      (
        await dispatcher
          .post(`/api/couriers/${sick.id}/reassign-day`)
          .send({ toCourierId: cover.id })
      ).status,
    ).toBe(400);
    const res = await dispatcher
      .post(`/api/couriers/${sick.id}/reassign-day`)
      .send({ toCourierId: cover.id, reason: 'Bưu tá nghỉ ốm' });
    expect(res.status).toBe(200);
    expect(res.body.moved.map((j: Job) => j.id).sort()).toEqual([jobs[0]!.id, jobs[1]!.id].sort());
    expect(
      res.body.moved.every((j: Job) => j.courier?.id === cover.id && j.status === 'assigned'),
    ).toBe(true);
    expect(res.body.skipped.map((s: { jobId: string }) => s.jobId)).toEqual([jobs[2]!.id]);
    const list = (await dispatcher.get('/api/couriers')).body.items as Courier[];
    expect(list.find((c) => c.id === sick.id)!.onDuty).toBe(false);
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect(
      (
        await other
          .post(`/api/couriers/${sick.id}/reassign-day`)
          .send({ toCourierId: null, reason: 'Thử' })
      ).status,
    ).toBe(403);
  });
});

describe('GET /api/jobs/late', () => {
  it('lists overdue jobs with who holds them since when', async () => {
    const db = t.database.db;
    const late = (await dispatcher.post('/api/jobs').send(jobBody(f))).body as Job;
    await dispatcher.post(`/api/jobs/${late.id}/assign`).send({ courierId: f.courier1.id });
    await db.execute(sql`update jobs set due_date = current_date - 3 where id = ${late.id}`);
    const res = await dispatcher.get('/api/jobs/late');
    expect(res.status).toBe(200);
    const item = (res.body.items as Job[]).find((j) => j.id === late.id)!;
    expect(item.board).toBe('red');
    expect(item.late).toBe(true);
    expect(item.courier?.id).toBe(f.courier1.id);
    expect(item.assignedAt).not.toBeNull();
    const onTime = (await dispatcher.get('/api/jobs?late=false&open=true&pageSize=500')).body
      .items as Job[];
    expect(onTime.some((j) => j.id === late.id)).toBe(false);
    const red = (await dispatcher.get('/api/jobs?board=red&pageSize=500')).body.items as Job[];
    expect(red.some((j) => j.id === late.id)).toBe(true);
  });
});
