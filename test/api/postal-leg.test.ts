import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  createWorkingCalendar,
  jobPath,
  toVnDate,
  type HolidayEntry,
  type Job,
  type JobType,
  type ReportSummary,
} from '@tannha/shared';
import { queryRows } from '../../server/src/db/client';
import type { TestApp } from '../support/app';
import { buildJobsApp, type Agent } from '../support/org-app';
import { setSetting } from '../support/calls-factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';

/*
 * The postal leg (DOMAIN.md): from the date on the slip (J, the day the courier takes the
 * package) it must be handed over by J+n working days, n by distance tier and doubled when
 * the appointment slip comes back (home assistance). Limits come from the admin setting.
 */

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'dispatcher' | 'courier' | 'manager', Agent>;

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'dispatcher', 'courier', 'manager'));
  // The province's own limits, different from the regulation's defaults.
  await setSetting(t.database.db, 'postal_leg_days', {
    sameArea: 1,
    province: 3,
    majorCities: 5,
    interProvince: 7,
  });
});
afterAll(async () => t?.close());

async function calendar() {
  const rows = await queryRows<HolidayEntry>(
    t.database.db,
    sql`select to_char(date, 'YYYY-MM-DD') as date, kind, name from holidays`,
  );
  return createWorkingCalendar(rows);
}

/** Creates a job and walks it with the courier up to (and including) `until`. */
async function jobUpTo(type: JobType, until: string, over: Record<string, unknown> = {}) {
  const created = await staff.operator
    .post('/api/jobs')
    .send(jobBody(f, { type, feeDueVnd: 0, postalChargeVnd: 0, dossierCode: undefined, ...over }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const job = created.body as Job;
  const assigned = await staff.dispatcher
    .post(`/api/jobs/${job.id}/assign`)
    .send({ courierId: f.courier1.id });
  expect(assigned.status).toBe(200);
  let current = assigned.body as Job;
  const path = jobPath(type);
  for (const to of path.slice(path.indexOf('assigned') + 1, path.indexOf(until as never) + 1)) {
    const res = await staff.courier
      .post(`/api/jobs/${job.id}/transitions`)
      .send({ to, expectedVersion: current.version });
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
    current = res.body.job as Job;
  }
  return current;
}

/**
 * Walks a job like {@link jobUpTo} and says which leg due dates are right for it: J is the
 * server's day when the courier took the package, read before and after the walk (one day,
 * unless Vietnamese midnight passed in between; then either).
 */
async function walkedWithLegDays(type: JobType, until: string, over: Record<string, unknown> = {}) {
  const cal = await calendar();
  const before = toVnDate(new Date());
  const job = await jobUpTo(type, until, over);
  const days = [...new Set([before, toVnDate(new Date())])];
  return { job, legDue: (n: number) => days.map((j) => addWorkingDays(cal, j, n)) };
}

describe('postal leg time limit', () => {
  it('is unknown until the courier takes the package, then J+n working days by tier, doubled for home assistance', async () => {
    const created = await staff.operator.post('/api/jobs').send(jobBody(f));
    expect(created.body.postalLegTier).toBe('province');
    expect(created.body.legDueDate).toBeNull();

    const dossier = await walkedWithLegDays('home_assistance', 'collected');
    expect(dossier.job.postalLegTier).toBe('province');
    // Province tier is 3 days here; the appointment slip comes back, so 6.
    expect(dossier.legDue(6)).toContain(dossier.job.legDueDate);
    expect(dossier.job.late).toBe(false);

    const result = await walkedWithLegDays('result_delivery', 'picked_up', {
      postalLegTier: 'sameArea',
      dossierCode: 'H48.19.10-260315-0042',
    });
    expect(result.job.postalLegTier).toBe('sameArea');
    expect(result.legDue(1)).toContain(result.job.legDueDate);
  });

  it('refuses a tier that does not exist, naming the field', async () => {
    const res = await staff.operator.post('/api/jobs').send(jobBody(f, { postalLegTier: 'moon' }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain('postalLegTier');
  });

  it('makes a package held past its limit late and red, and lists it for the manager with the reason', async () => {
    const today = toVnDate(new Date());
    // The manager's range runs to the next day too, so the job (created now) is in it even
    // if Vietnamese midnight passes during the test.
    const range = { from: addDays(today, -6), to: addDays(today, 1) };
    const held = await jobUpTo('home_assistance', 'collected');
    // The slip was dated long ago: the limit passed yesterday, though the job's own due date has not.
    await t.database.db.execute(
      sql`update jobs set leg_due_date = ${addDays(today, -1)}::date, due_date = ${addDays(today, 30)}::date where id = ${held.id}`,
    );
    const seen = (await staff.dispatcher.get(`/api/jobs/${held.id}`)).body as Job;
    expect(seen.late).toBe(true);
    expect(seen.board).toBe('red');
    const red = (await staff.dispatcher.get('/api/jobs').query({ board: 'red', open: true }))
      .body as {
      items: Job[];
    };
    expect(red.items.map((j) => j.id)).toContain(held.id);

    const summary = (await staff.manager.get('/api/reports/summary').query(range))
      .body as ReportSummary;
    const row = summary.late.find((l) => l.jobId === held.id);
    expect(row).toMatchObject({
      reason: 'postal_leg',
      dueDate: addDays(today, -1),
      holderName: f.courier1.fullName,
    });

    // Handed over at the counter: the postal leg is done, the job is no longer late for it.
    const submitted = await staff.courier.post(`/api/jobs/${held.id}/transitions`).send({
      to: 'submitted',
      data: { dossierCode: 'H48.19.10-260315-0042' },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((submitted.body.job as Job).late).toBe(false);
    const after = (await staff.manager.get('/api/reports/summary').query(range))
      .body as ReportSummary;
    expect(after.late.map((l) => l.jobId)).not.toContain(held.id);
  });
});
