import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, jobPath, toVnDate, type Job, type ReportSummary } from '@tannha/shared';
import { queryRows } from '../../server/src/db/client';
import { refreshJobMilestones } from '../../server/src/modules/reports/job-milestones';
import { rebuildReportRollups } from '../../server/src/modules/reports/report-rollups.repository';
import type { TestApp } from '../support/app';
import { buildJobsApp, type Agent } from '../support/org-app';
import { jobBody, type JobsFixture } from '../support/jobs-factories';
import {
  addJobEvent,
  createCall,
  createJob,
  createPayment,
  createRating,
} from '../support/reports-factories';

/*
 * The dashboard reads daily rollups kept by row triggers. These tests hold them to the two
 * things that matter: a job moved through the real job engine shows up in the manager's
 * figures at once, and after any mix of inserts, updates and deletes the rollups equal a
 * fresh rebuild from the source tables.
 */

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'dispatcher' | 'courier' | 'manager', Agent>;

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'dispatcher', 'courier', 'manager'));
});
afterAll(async () => t?.close());

/**
 * The manager's figures for `day` and the next: a job moved across Vietnamese midnight still
 * falls inside, so the counts below do not depend on the hour the test runs at.
 */
async function summary(day: string): Promise<ReportSummary> {
  const res = await staff.manager
    .get('/api/reports/summary')
    .query({ from: day, to: addDays(day, 1) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ReportSummary;
}
const statusCount = (s: ReportSummary, status: string) =>
  s.jobs.byStatus.find((r) => r.key === status)?.count ?? 0;
const completedByDay = (s: ReportSummary) => s.jobs.byDay.reduce((n, d) => n + d.completed, 0);

/** Every rollup table, in a stable order, without rows that net to zero. */
async function snapshot() {
  const db = t.database.db;
  const q = (text: string) => queryRows<Record<string, unknown>>(db, sql.raw(text));
  return {
    jobs: await q(
      `select day::text, unit_id, dim, key, n, done, on_time, late from report_job_days
       where n <> 0 or done <> 0 or on_time <> 0 or late <> 0 order by 1, 2, 3, 4`,
    ),
    calls: await q(
      `select day::text, unit_id, dim, key, n from report_call_days where n <> 0 order by 1, 2, 3, 4`,
    ),
    money: await q(
      `select day::text, unit_id, method, flow, confirmed, amount_vnd::text, n from report_money_days
       where n <> 0 or amount_vnd <> 0 order by 1, 2, 3, 4, 5`,
    ),
    ratings: await q(
      `select day::text, unit_id, courier_key, stars, n from report_rating_days where n <> 0 order by 1, 2, 3, 4`,
    ),
    legs: await q(
      `select day::text, unit_id, n1, round(s1::numeric, 3)::text s1, n2, round(s2::numeric, 3)::text s2,
              n3, round(s3::numeric, 3)::text s3
       from report_leg_days where n1 <> 0 or n2 <> 0 or n3 <> 0 order by 1, 2`,
    ),
    couriers: await q(
      `select courier_id, day::text, round(km::numeric, 6)::text km, stops from report_courier_days
       where stops <> 0 order by 1, 2`,
    ),
  };
}

describe('dashboard rollups', () => {
  it('count a job moved through the job engine at once: created, assigned, completed on time, with distance', async () => {
    const day = toVnDate(new Date());
    const before = await summary(day);
    const created = await staff.operator
      .post('/api/jobs')
      .send(jobBody(f, { feeDueVnd: 0, postalChargeVnd: 0, lat: 10.97, lng: 106.84 }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const job = created.body as Job;

    const afterCreate = await summary(day);
    expect(afterCreate.jobs.total).toBe(before.jobs.total + 1);
    expect(statusCount(afterCreate, 'new')).toBe(statusCount(before, 'new') + 1);

    const assigned = await staff.dispatcher
      .post(`/api/jobs/${job.id}/assign`)
      .send({ courierId: f.courier1.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const afterAssign = await summary(day);
    expect(statusCount(afterAssign, 'new')).toBe(statusCount(before, 'new'));
    expect(statusCount(afterAssign, 'assigned')).toBe(statusCount(before, 'assigned') + 1);
    const mine = afterAssign.couriers.find((c) => c.courierId === f.courier1.id);
    expect(mine?.jobs).toBe(
      (before.couriers.find((c) => c.courierId === f.courier1.id)?.jobs ?? 0) + 1,
    );

    let version = (assigned.body as Job).version;
    const path = jobPath('home_assistance');
    for (const to of path.slice(path.indexOf('assigned') + 1)) {
      const res = await staff.courier
        .post(`/api/jobs/${job.id}/transitions`)
        .send({ to, expectedVersion: version, lat: 10.97, lng: 106.84 });
      expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
      version = res.body.job.version;
    }

    const done = await summary(day);
    expect(done.jobs.total).toBe(before.jobs.total + 1);
    expect(statusCount(done, 'completed')).toBe(statusCount(before, 'completed') + 1);
    expect(statusCount(done, 'assigned')).toBe(statusCount(before, 'assigned'));
    expect(done.onTime.onTime).toBe(before.onTime.onTime + 1);
    expect(completedByDay(done)).toBe(completedByDay(before) + 1);
    const c = done.couriers.find((x) => x.courierId === f.courier1.id)!;
    expect(c.completed).toBe(1);
    // From the post office (10.95, 106.82) to the job (10.97, 106.84): about 3.1 km.
    expect(c.distanceKm).toBeGreaterThan(2.5);
    expect(c.distanceKm).toBeLessThan(3.5);
    // Each leg was reached once, so each has a count.
    expect(done.legs.every((l) => l.count >= 1)).toBe(true);
  });

  it('equal a rebuild from the source tables after inserts, updates and deletes of every kind', async () => {
    const db = t.database.db;
    const HOUR = 3600_000;
    const today = toVnDate(new Date());
    const base = new Date(`${addDays(today, -3)}T02:00:00Z`);
    const made: { id: string; unitId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const unitId = i % 3 === 0 ? f.unitB.id : f.unitA.id;
      const createdAt = new Date(base.getTime() + i * 5 * HOUR);
      const status = ['new', 'assigned', 'collected', 'completed'][i % 4]!;
      const job = await createJob(db, {
        unitId,
        citizenId: f.citizen.id,
        status,
        createdAt,
        procedureId: i % 2 ? f.procedure.id : null,
        courierId: status === 'new' ? null : f.courier1.id,
        completedAt: status === 'completed' ? new Date(createdAt.getTime() + 20 * HOUR) : null,
        dueDate: addDays(today, (i % 5) - 3),
        lat: 10.95 + i * 0.003,
        lng: 106.82 + i * 0.002,
      });
      made.push({ id: job.id, unitId });
      await addJobEvent(db, job.id, { kind: 'created', toStatus: 'new', occurredAt: createdAt });
      if (status !== 'new')
        await addJobEvent(db, job.id, {
          toStatus: 'assigned',
          occurredAt: new Date(createdAt.getTime() + HOUR),
        });
      if (status === 'collected' || status === 'completed') {
        await addJobEvent(db, job.id, {
          toStatus: 'collected',
          occurredAt: new Date(createdAt.getTime() + 3 * HOUR),
        });
        for (const flow of ['procedure_fee', 'postal_charge'] as const)
          await createPayment(db, {
            jobId: job.id,
            unitId,
            collectedBy: f.courier1.id,
            flow,
            method: i % 2 ? 'cash' : 'transfer',
            amountVnd: 26_000 + i * 1_000,
            occurredAt: new Date(createdAt.getTime() + 3 * HOUR),
            status: i % 2 ? 'confirmed' : 'pending',
          });
      }
      if (status === 'completed')
        await createRating(db, {
          jobId: job.id,
          unitId,
          courierId: f.courier1.id,
          stars: 1 + (i % 5),
          createdAt: new Date(createdAt.getTime() + 22 * HOUR),
        });
      await createCall(db, {
        unitId,
        startedAt: new Date(createdAt.getTime() - HOUR),
        category: i % 2 ? 'pickup_request' : null,
        outcome: i % 3 ? 'job_created' : null,
      });
    }
    await refreshJobMilestones(db);

    // Updates that move rows between days, units, statuses, couriers and flows; then deletes.
    const ex = (text: string) => db.execute(sql.raw(text));
    const [a, b, c2, d] = made;
    await ex(
      `update jobs set status = 'completed', completed_at = created_at + interval '2 days' where id = '${a!.id}'`,
    );
    await ex(
      `update jobs set unit_id = '${f.unitA.id}', created_at = created_at - interval '1 day' where id = '${b!.id}'`,
    );
    await ex(
      `update jobs set courier_id = '${f.courier2.id}', lat = lat + 0.01 where id = '${c2!.id}'`,
    );
    await ex(`update jobs set status = 'cancelled', completed_at = null where id = '${d!.id}'`);
    await ex(
      `update calls set outcome = 'missed', started_at = started_at + interval '13 hours' where unit_id = '${f.unitB.id}'`,
    );
    await ex(`update payments set status = 'confirmed' where status = 'pending'`);
    await ex(`update ratings set stars = 5 where stars < 3`);
    await ex(
      `update job_milestones set handed_at = pickup_at + interval '90 minutes' where pickup_at is not null`,
    );
    await ex(`delete from ratings where job_id = '${made[3]!.id}'`);
    await ex(`delete from payments where job_id = '${made[2]!.id}'`);
    await ex(`delete from job_milestones where job_id = '${made[5]!.id}'`);

    const incremental = await snapshot();
    expect(incremental.jobs.length).toBeGreaterThan(20);
    expect(incremental.money.length).toBeGreaterThan(2);
    expect(incremental.couriers.length).toBeGreaterThan(1);
    await rebuildReportRollups(db);
    expect(await snapshot()).toEqual(incremental);
  });
});
