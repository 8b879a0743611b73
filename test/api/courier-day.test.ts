import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate, vnStartOfDay, type Job, type JobType } from '@tannha/shared';
import type { TestApp } from '../support/app';
import { buildJobsApp, type Agent } from '../support/org-app';
import { jobBody, type JobsFixture } from '../support/jobs-factories';

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'dispatcher' | 'courier', Agent>;

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'dispatcher', 'courier'));
});
afterAll(async () => t?.close());

/** A job given to courier1 with nothing to collect (money has its own tests). */
async function assignedJob(type: JobType, over: Record<string, unknown> = {}): Promise<Job> {
  const created = await staff.operator
    .post('/api/jobs')
    .send(jobBody(f, { type, feeDueVnd: 0, postalChargeVnd: 0, ...over }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const res = await staff.dispatcher
    .post(`/api/jobs/${created.body.id}/assign`)
    .send({ courierId: f.courier1.id });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Job;
}

function move(id: string, body: Record<string, unknown>) {
  return staff.courier.post(`/api/jobs/${id}/transitions`).send(body);
}

async function walk(id: string, steps: string[]) {
  for (const to of steps) {
    const res = await move(id, { to });
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

type EventItem = { toStatus: string | null; reason: string | null; data?: unknown };
async function eventTo(id: string, status: string): Promise<EventItem | undefined> {
  const res = await staff.dispatcher.get(`/api/jobs/${id}/events`);
  return (res.body.items as EventItem[]).find((e) => e.toStatus === status);
}

describe('POST /api/jobs/:id/transitions — the result package at the agency', () => {
  const expected = 'H48.19.10-261201-0012';

  it('refuses a package whose dossier code is not the job’s, and leaves the job as it was', async () => {
    const job = await assignedJob('result_delivery', { dossierCode: expected });
    await walk(job.id, ['accepted']);
    const res = await move(job.id, {
      to: 'picked_up',
      data: { dossierCode: ' h48.19.10-261201-0099 ' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('dossier_code_mismatch');
    expect(res.body.error.message).toContain('không khớp');
    expect(res.body.error.message).toContain(expected);
    expect(res.body.error.fields.dossierCode).toContain('H48.19.10-261201-0099');
    const after = await staff.dispatcher.get(`/api/jobs/${job.id}`);
    expect(after.body.status).toBe('accepted');
  });

  it('accepts the same code typed in lower case with spaces', async () => {
    const job = await assignedJob('result_delivery', { dossierCode: 'H48.19.10-261201-0013' });
    await walk(job.id, ['accepted']);
    const res = await move(job.id, {
      to: 'picked_up',
      data: { dossierCode: ' h48.19.10-261201-0013' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('asks for a real reason to override, and records it with both codes for the dispatcher', async () => {
    const job = await assignedJob('result_delivery', { dossierCode: 'H48.19.10-261201-0014' });
    await walk(job.id, ['accepted']);
    const short = await move(job.id, {
      to: 'picked_up',
      data: { dossierCode: 'H48.19.10-261201-0099', dossierCodeMismatchReason: 'ok' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.dossierCodeMismatchReason).toBeTruthy();
    const reason = 'Cơ quan in nhầm mã trên phong bì, đã gọi xác nhận';
    const res = await move(job.id, {
      to: 'picked_up',
      data: { dossierCode: 'H48.19.10-261201-0099', dossierCodeMismatchReason: reason },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ev = await eventTo(job.id, 'picked_up');
    expect(ev?.reason).toBe(reason);
    expect(ev?.data).toMatchObject({
      dossierCode: 'H48.19.10-261201-0099',
      expectedDossierCode: 'H48.19.10-261201-0014',
      dossierCodeMismatchReason: reason,
    });
  });

  it('refuses a code that is no dossier code at all with a message for the field', async () => {
    const job = await assignedJob('result_delivery', { dossierCode: 'H48.19.10-261201-0015' });
    await walk(job.id, ['accepted']);
    const res = await move(job.id, { to: 'picked_up', data: { dossierCode: 'abc' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.dossierCode).toBeTruthy();
  });
});

describe('POST /api/jobs/:id/transitions — a job booked for another day', () => {
  /** 08:00–10:00 on the day after today in Vietnam (read right before the request). */
  function tomorrowWindow() {
    const tomorrow = addDays(toVnDate(new Date()), 1);
    const start = new Date(vnStartOfDay(tomorrow).getTime() + 8 * 3600_000);
    return {
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    };
  }

  it('refuses to complete it a day early without a reason, and keeps the job open', async () => {
    const job = await assignedJob('fee_collection', tomorrowWindow());
    await walk(job.id, ['accepted', 'en_route', 'on_site', 'collected']);
    const res = await move(job.id, { to: 'completed' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('appointment_not_today');
    expect(res.body.error.message).toMatch(/hẹn ngày \d{2}\/\d{2}\/\d{4}/);
    const after = await staff.dispatcher.get(`/api/jobs/${job.id}`);
    expect(after.body.status).toBe('collected');
  });

  it('completes early when the citizen asked for it, the reason recorded on the event', async () => {
    const job = await assignedJob('fee_collection', tomorrowWindow());
    await walk(job.id, ['accepted', 'en_route', 'on_site', 'collected']);
    const short = await move(job.id, { to: 'completed', data: { earlyReason: 'sớm' } });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.earlyReason).toBeTruthy();
    const reason = 'Công dân gọi xin nhận sớm một ngày';
    const res = await move(job.id, { to: 'completed', data: { earlyReason: reason } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ev = await eventTo(job.id, 'completed');
    expect(ev?.reason).toBe(reason);
    expect(ev?.data).toMatchObject({ earlyReason: reason });
  });

  it('completes a job booked for today, or never booked, without asking', async () => {
    const today = toVnDate(new Date());
    const start = new Date(vnStartOfDay(today).getTime() + 30 * 60_000);
    const booked = await assignedJob('fee_collection', { windowStart: start.toISOString() });
    await walk(booked.id, ['accepted', 'en_route', 'on_site', 'collected', 'completed']);
    const open = await assignedJob('fee_collection');
    await walk(open.id, ['accepted', 'en_route', 'on_site', 'collected', 'completed']);
  });
});
