import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toVnDate, type Job } from '@tannha/shared';
import { jobs, payments, settings } from '../../server/src/db/schema';
import { loginAs, type TestApp } from '../support/app';
import { createCourierJob } from '../support/courier-factories';
import { TEST_PASSWORD, createUser } from '../support/factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';
import { buildJobsApp, type Agent } from '../support/org-app';

/**
 * The one rule for the time a phone says an action happened (lib/action-time.ts): not in the
 * future, not before the job, not older than the offline window; money stays in an open
 * shift; and the bounds of the times and amounts people type (calls, windows, fees).
 */

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'dispatcher' | 'courier' | 'manager', Agent>;

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'dispatcher', 'courier', 'manager'));
});
afterAll(async () => t?.close());
afterEach(async () => {
  await t.database.db.delete(settings).where(eq(settings.key, 'offline_window_hours'));
});

/** A job at the door, created `createdHoursAgo` hours ago, with a fee to collect. */
const doorJob = (createdHoursAgo = 6, feeDueVnd = 30_000) =>
  createCourierJob(t.database.db, {
    unitId: f.unitA.id,
    courierId: f.courier1.id,
    feeDueVnd,
    postalChargeVnd: 0,
    createdAt: new Date(Date.now() - createdHoursAgo * HOUR),
  });

const collect = (jobId: string, body: Record<string, unknown>) =>
  staff.courier
    .post(`/api/jobs/${jobId}/payments`)
    .set('Idempotency-Key', randomUUID())
    .send({ method: 'cash', lines: [{ flow: 'procedure_fee', amountVnd: 30_000 }], ...body });

async function assignedJob(createdHoursAgo: number): Promise<Job> {
  const res = await staff.operator
    .post('/api/jobs')
    .send(jobBody(f, { feeDueVnd: 0, postalChargeVnd: 0 }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.database.db
    .update(jobs)
    .set({ createdAt: new Date(Date.now() - createdHoursAgo * HOUR) })
    .where(eq(jobs.id, res.body.id));
  const assigned = await staff.dispatcher
    .post(`/api/jobs/${res.body.id}/assign`)
    .send({ courierId: f.courier1.id });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return assigned.body as Job;
}

const move = (jobId: string, body: Record<string, unknown>) =>
  staff.courier.post(`/api/jobs/${jobId}/transitions`).send(body);

describe('the time a phone gives for a payment', () => {
  it('refuses cash dated 1900 with occurred_at_too_old and writes nothing', async () => {
    const job = await doorJob();
    const res = await collect(job.id, { occurredAt: '1900-01-01T00:00:00Z' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('occurred_at_too_old');
    expect(res.body.error.message).toContain('72 giờ');
    expect(res.body.error.fields.occurredAt).toBeTruthy();
    const rows = await t.database.db.select().from(payments).where(eq(payments.jobId, job.id));
    expect(rows).toHaveLength(0);
  });

  it('accepts a collection made offline two hours ago, in that shift', async () => {
    const job = await doorJob();
    const at = ago(2 * HOUR);
    const res = await collect(job.id, { occurredAt: at });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(new Date(res.body.payments[0].occurredAt).toISOString()).toBe(at);
  });

  it('refuses a time before the job was created (occurred_at_before_job)', async () => {
    const job = await doorJob(1);
    const res = await collect(job.id, { occurredAt: ago(3 * HOUR) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('occurred_at_before_job');
  });

  it('follows the offline window an admin sets', async () => {
    const provinceAdmin = await createUser(t.database.db, 'admin', f.province.id);
    const admin = await loginAs(t.app, provinceAdmin.username, TEST_PASSWORD);
    expect(
      (await admin.put('/api/admin/settings/offline_window_hours').send({ value: 0 })).status,
    ).toBe(400);
    const saved = await admin.put('/api/admin/settings/offline_window_hours').send({ value: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const job = await doorJob();
    const old = await collect(job.id, { occurredAt: ago(2 * HOUR) });
    expect(old.status).toBe(422);
    expect(old.body.error.code).toBe('occurred_at_too_old');
    expect((await collect(job.id, { occurredAt: ago(30 * 60_000) })).status).toBe(201);
  });
});

describe('money in the same shift', () => {
  it('refuses cash dated into a past shift once its cash was counted', async () => {
    const yesterday = ago(24 * HOUR);
    const first = await doorJob(48);
    expect((await collect(first.id, { occurredAt: yesterday })).status).toBe(201);
    // The manager counts what the ledger holds for that day: just after midnight in Vietnam, the
    // offline collections of the tests above (2 h and 30 min old) fall in that shift too.
    const shiftDate = toVnDate(new Date(yesterday));
    const shift = await staff.manager.get('/api/reconciliation/shifts').query({ date: shiftDate });
    const mine = (shift.body.items as { courierId: string; outstandingVnd: number }[]).find(
      (r) => r.courierId === f.courier1.id,
    );
    expect(mine?.outstandingVnd).toBeGreaterThanOrEqual(30_000);
    const count = await staff.manager.post('/api/reconciliation/handovers').send({
      courierId: f.courier1.id,
      shiftDate,
      countedVnd: mine?.outstandingVnd,
    });
    expect(count.status, JSON.stringify(count.body)).toBe(201);

    const late = await doorJob(48);
    const res = await collect(late.id, { occurredAt: ago(24 * HOUR) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('shift_already_counted');
    // Sent again dated now, it counts in today's shift.
    expect((await collect(late.id, {})).status).toBe(201);
  });
});

describe('the time a phone gives for a transition', () => {
  it('refuses year 0001 and accepts an offline step two hours old', async () => {
    const job = await assignedJob(5);
    const ancient = await move(job.id, { to: 'accepted', occurredAt: '0001-01-01T00:00:00Z' });
    expect(ancient.status).toBe(422);
    expect(ancient.body.error.code).toBe('occurred_at_too_old');
    const offline = await move(job.id, { to: 'accepted', occurredAt: ago(2 * HOUR) });
    expect(offline.status, JSON.stringify(offline.body)).toBe(200);
  });

  it('refuses a step before the job was created', async () => {
    const job = await assignedJob(1);
    const res = await move(job.id, { to: 'accepted', occurredAt: ago(2 * HOUR) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('occurred_at_before_job');
  });
});

describe('bounds of the times and amounts people type', () => {
  it('refuses a call started in 9999 and one before 2020', async () => {
    for (const startedAt of ['9999-12-31T00:00:00Z', '2019-12-31T00:00:00+07:00']) {
      const res = await staff.operator
        .post('/api/calls')
        .send({ callerPhone: '0912 000 111', category: 'other', startedAt });
      expect(res.status, startedAt).toBe(400);
      expect(res.body.error.fields.startedAt).toBeTruthy();
    }
    const now = await staff.operator
      .post('/api/calls')
      .send({ callerPhone: '0912 000 111', category: 'other', startedAt: ago(10 * 60_000) });
    expect(now.status, JSON.stringify(now.body)).toBe(201);
  });

  it('refuses a callback due in year 9999', async () => {
    const call = await staff.operator
      .post('/api/calls')
      .send({ callerPhone: '0912 000 222', category: 'other' });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    const res = await staff.operator
      .post(`/api/calls/${call.body.id}/callbacks`)
      .send({ dueAt: '9999-12-31T09:00:00+07:00' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.dueAt).toBeTruthy();
  });

  it('refuses appointment windows in year 0001 or 9999', async () => {
    const windows = [
      { windowStart: '0001-01-01T08:00:00Z', windowEnd: '0001-01-01T10:00:00Z' },
      { windowStart: '9999-12-31T08:00:00Z', windowEnd: '9999-12-31T10:00:00Z' },
    ];
    for (const w of windows) {
      const res = await staff.operator.post('/api/jobs').send(jobBody(f, w));
      expect(res.status, w.windowStart).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain('windowStart');
    }
    const tomorrow = {
      windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
      windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
    };
    expect((await staff.operator.post('/api/jobs').send(jobBody(f, tomorrow))).status).toBe(201);
  });

  it('caps a fee at what one payment line can carry (10^12)', async () => {
    const tooMuch = await staff.operator
      .post('/api/jobs')
      .send(jobBody(f, { feeDueVnd: 9_007_199_254_740_991 }));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.fields.feeDueVnd).toBeTruthy();
    const max = await staff.operator
      .post('/api/jobs')
      .send(jobBody(f, { feeDueVnd: 1_000_000_000_000 }));
    expect(max.status, JSON.stringify(max.body)).toBe(201);
    expect(max.body.feeDueVnd).toBe(1_000_000_000_000);
  });
});
