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

/** Noon in Vietnam on `day`: a moment that no hour of the test run moves to another day. */
const vnNoon = (day: string) => `${day}T05:00:00.000Z`;

/**
 * Creates a job and walks it with the courier up to (and including) `until`; the courier's
 * phone reports each step at `occurredAt` when given (else the server's now).
 */
async function jobUpTo(
  type: JobType,
  until: string,
  over: Record<string, unknown> = {},
  occurredAt?: string,
) {
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
      .send({ to, expectedVersion: current.version, occurredAt });
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
    current = res.body.job as Job;
  }
  return current;
}

describe('postal leg time limit', () => {
  it('is unknown until the courier takes the package, then J+n working days by tier, doubled for home assistance', async () => {
    const cal = await calendar();
    const created = await staff.operator.post('/api/jobs').send(jobBody(f));
    expect(created.body.postalLegTier).toBe('province');
    expect(created.body.legDueDate).toBeNull();

    // J is the day of the taking as the phone reports it: noon yesterday, a day fixed here.
    const slipDay = addDays(toVnDate(new Date()), -1);
    const dossier = await jobUpTo('home_assistance', 'collected', {}, vnNoon(slipDay));
    expect(dossier.postalLegTier).toBe('province');
    // Province tier is 3 days here; the appointment slip comes back, so 6.
    expect(dossier.legDueDate).toBe(addWorkingDays(cal, slipDay, 6));
    expect(dossier.late).toBe(false);

    // With no time from the phone, J is the server's today: the day read just before, or the
    // next one should Vietnamese midnight pass while the job is walked.
    const dayBefore = toVnDate(new Date());
    const result = await jobUpTo('result_delivery', 'picked_up', {
      postalLegTier: 'sameArea',
      dossierCode: 'H48.19.10-260315-0042',
    });
    expect(result.postalLegTier).toBe('sameArea');
    expect([
      addWorkingDays(cal, dayBefore, 1),
      addWorkingDays(cal, addDays(dayBefore, 1), 1),
    ]).toContain(result.legDueDate);
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
