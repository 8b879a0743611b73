import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPath, type Job, type JobType } from '@tannha/shared';
import { jobs } from '../../server/src/db/schema';
import { loginAs, type TestApp } from '../support/app';
import { buildJobsApp, type Agent } from '../support/org-app';
import { TEST_PASSWORD } from '../support/factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'dispatcher' | 'courier' | 'courier2', Agent>;

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'dispatcher', 'courier', 'courier2'));
});
afterAll(async () => t?.close());

async function newJob(
  type: JobType = 'home_assistance',
  over: Record<string, unknown> = {},
): Promise<Job> {
  const res = await staff.operator.post('/api/jobs').send(jobBody(f, { type, ...over }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Job;
}

async function assignedJob(
  type: JobType = 'home_assistance',
  courierId = f.courier1.id,
): Promise<Job> {
  // Nothing to collect, so completing does not wait for payments (the payments feature checks that).
  const job = await newJob(type, { feeDueVnd: 0, postalChargeVnd: 0 });
  const res = await staff.dispatcher.post(`/api/jobs/${job.id}/assign`).send({ courierId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Job;
}

function move(agent: Agent, id: string, body: Record<string, unknown>, key?: string) {
  const req = agent.post(`/api/jobs/${id}/transitions`);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
}

describe('POST /api/jobs', () => {
  it('creates a job with a readable code, fees from the procedure, a working-day due date and a created event', async () => {
    const job = await newJob();
    expect(job.code).toMatch(/^TN\d{6}\d{4}$/);
    expect(job.status).toBe('new');
    expect(job.feeDueVnd).toBe(8_000);
    expect(job.postalChargeVnd).toBe(26_000);
    expect(job.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(job.citizen.phone).toBe('+84912345678');
    expect(job.citizen.phoneMasked).toBe('0912 *** 678');
    const second = await newJob();
    expect(Number(second.code.slice(-4))).toBe(Number(job.code.slice(-4)) + 1);
    const events = await staff.operator.get(`/api/jobs/${job.id}/events`);
    expect(events.body.items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('refuses a procedure that must be done in person, saying why', async () => {
    const res = await staff.operator
      .post('/api/jobs')
      .send(jobBody(f, { procedureId: f.inPerson.id }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('procedure_in_person_only');
    expect(res.body.error.message).toContain('trực tiếp');
  });

  it('refuses a unit outside the caller’s units and a courier creating jobs', async () => {
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect((await other.post('/api/jobs').send(jobBody(f))).status).toBe(403);
    expect((await staff.courier.post('/api/jobs').send(jobBody(f))).status).toBe(403);
  });
});

describe('a dossier code enters once', () => {
  it('refuses a second live result delivery for the same dossier with 409 naming the first job', async () => {
    const first = await newJob('result_delivery', { dossierCode: 'H48.19.10-261207-0777' });
    const again = await staff.operator
      .post('/api/jobs')
      .send(jobBody(f, { type: 'result_delivery', dossierCode: 'h48.19.10-261207-0777' }));
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.error.code).toBe('dossier_code_taken');
    expect(again.body.error.message).toContain(first.code);
    // A pickup may carry the same dossier code (the dossier the courier took to the agency).
    await newJob('home_assistance', { dossierCode: 'H48.19.10-261207-0777' });
    // Once the first is cancelled, the dossier may enter again.
    const cancel = await staff.operator
      .post(`/api/jobs/${first.id}/transitions`)
      .send({ to: 'cancelled', reason: 'Nhập trùng' });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    await newJob('result_delivery', { dossierCode: 'H48.19.10-261207-0777' });
  });
});

describe('POST /api/jobs/:id/transitions', () => {
  for (const type of ['home_assistance', 'result_delivery', 'fee_collection'] as const) {
    it(`walks a ${type} job along its whole path, one event per step`, async () => {
      const job = await assignedJob(type);
      const path = jobPath(type);
      let version = job.version;
      for (const to of path.slice(path.indexOf('assigned') + 1)) {
        const res = await move(staff.courier, job.id, {
          to,
          expectedVersion: version,
          lat: 10.95,
          lng: 106.82,
        });
        expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body.job.status).toBe(to);
        version = res.body.job.version;
      }
      const events = (await staff.dispatcher.get(`/api/jobs/${job.id}/events`)).body.items as {
        kind: string;
        toStatus: string;
        actor: { id: string };
      }[];
      expect(events.map((e) => e.toStatus)).toEqual(path);
      expect(events.at(-1)!.actor.id).toBe(f.courier1.id);
      const done = (await staff.dispatcher.get(`/api/jobs/${job.id}`)).body as Job;
      expect(done.completedAt).not.toBeNull();
      expect(done.board).toBe('green');
    });
  }

  it('refuses an illegal move with 409 naming the current state', async () => {
    const job = await assignedJob('result_delivery');
    const res = await move(staff.courier, job.id, { to: 'delivered' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('job_transition_not_allowed');
    expect(res.body.error.message).toContain('Đã phân công');
    const en = await staff.courier
      .post(`/api/jobs/${job.id}/transitions`)
      .set('Accept-Language', 'en')
      .send({ to: 'delivered' });
    expect(en.body.error.message).toContain('current state: assigned');
  });

  it('needs a reason for on_hold, cancelled and failed_attempt, and resumes a held job where it was', async () => {
    const job = await assignedJob();
    const noReason = await move(staff.dispatcher, job.id, { to: 'cancelled' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('job_transition_reason_required');
    expect((await move(staff.courier, job.id, { to: 'on_hold', reason: '  ' })).status).toBe(422);
    const held = await move(staff.courier, job.id, {
      to: 'on_hold',
      reason: 'Công dân hẹn lại chiều mai',
    });
    expect(held.status).toBe(200);
    expect(held.body.job.heldFrom).toBe('assigned');
    const resumed = await move(staff.courier, job.id, { to: 'assigned' });
    expect(resumed.body.job.status).toBe('assigned');
    for (const to of ['accepted', 'en_route', 'on_site'])
      expect((await move(staff.courier, job.id, { to })).status).toBe(200);
    expect((await move(staff.courier, job.id, { to: 'failed_attempt' })).status).toBe(422);
    const failed = await move(staff.courier, job.id, {
      to: 'failed_attempt',
      reason: 'citizen_absent',
      data: { failureReason: 'citizen_absent' },
    });
    expect(failed.status).toBe(200);
    const again = await move(staff.courier, job.id, { to: 'assigned' });
    expect(again.body.job.status).toBe('assigned');
    expect(again.body.job.attemptCount).toBe(1);
    const cancelled = await move(staff.dispatcher, job.id, {
      to: 'cancelled',
      reason: 'Công dân không còn nhu cầu',
    });
    expect(cancelled.status).toBe(200);
    const events = (await staff.dispatcher.get(`/api/jobs/${job.id}/events`)).body.items as {
      toStatus: string;
      reason: string | null;
    }[];
    expect(events.find((e) => e.toStatus === 'on_hold')!.reason).toBe('Công dân hẹn lại chiều mai');
    expect(events.at(-1)!.toStatus).toBe('cancelled');
  });

  it('a result that failed delivery can go back to the agency with a reason', async () => {
    const job = await assignedJob('result_delivery');
    for (const to of ['accepted', 'picked_up', 'en_route', 'on_site'])
      expect((await move(staff.courier, job.id, { to })).status).toBe(200);
    expect(
      (await move(staff.courier, job.id, { to: 'failed_attempt', reason: 'Sai địa chỉ' })).status,
    ).toBe(200);
    const back = await move(staff.dispatcher, job.id, {
      to: 'returned',
      reason: 'Đã giao hai lần không thành công',
    });
    expect(back.status).toBe(200);
    expect((await move(staff.dispatcher, job.id, { to: 'assigned' })).status).toBe(409);
  });

  it('replays a retry with the same Idempotency-Key: one event, same answer', async () => {
    const job = await assignedJob();
    const key = 'phone-retry-0001';
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const a = await move(staff.courier, job.id, { to: 'accepted', occurredAt }, key);
    const b = await move(staff.courier, job.id, { to: 'accepted', occurredAt }, key);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.event.id).toBe(a.body.event.id);
    const events = (await staff.dispatcher.get(`/api/jobs/${job.id}/events`)).body.items as {
      toStatus: string;
    }[];
    expect(events.filter((e) => e.toStatus === 'accepted')).toHaveLength(1);
    const reused = await move(staff.courier, job.id, { to: 'en_route' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('stores when it happened on the phone and refuses a time in the future', async () => {
    const job = await assignedJob();
    // Created this morning; the courier accepted it offline an hour ago.
    await t.database.db
      .update(jobs)
      .set({ createdAt: new Date(Date.now() - 3 * 3600_000) })
      .where(eq(jobs.id, job.id));
    const at = new Date(Date.now() - 3600_000).toISOString();
    const res = await move(staff.courier, job.id, { to: 'accepted', occurredAt: at });
    expect(new Date(res.body.event.occurredAt).toISOString()).toBe(at);
    expect(Date.parse(res.body.event.recordedAt)).toBeGreaterThan(Date.parse(at));
    const future = await move(staff.courier, job.id, {
      to: 'en_route',
      occurredAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('occurred_at_in_future');
    expect(future.body.error.fields.occurredAt).toBeTruthy();
  });

  it('accepts a phone clock 3 minutes ahead of the server (one guard, one tolerance)', async () => {
    const job = await assignedJob();
    const ahead = new Date(Date.now() + 3 * 60_000).toISOString();
    const res = await move(staff.courier, job.id, { to: 'accepted', occurredAt: ahead });
    expect(res.status).toBe(200);
    expect(new Date(res.body.event.occurredAt).toISOString()).toBe(ahead);
  });

  it('lets exactly one of two concurrent moves win; the other gets 409', async () => {
    const job = await assignedJob();
    const [a, b] = await Promise.all([
      move(staff.courier, job.id, { to: 'accepted', expectedVersion: job.version }),
      move(staff.dispatcher, job.id, {
        to: 'cancelled',
        reason: 'Hủy theo yêu cầu',
        expectedVersion: job.version,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['job_version_conflict', 'job_transition_not_allowed']).toContain(loser.body.error.code);
    const events = (await staff.dispatcher.get(`/api/jobs/${job.id}/events`)).body.items as {
      kind: string;
    }[];
    expect(events.filter((e) => e.kind === 'transition')).toHaveLength(1);
  });

  it('lets exactly one of two identical concurrent moves without a version win', async () => {
    const job = await assignedJob();
    // Accepting and handing the job back to the pool cannot both happen.
    const [a, b] = await Promise.all([
      move(staff.courier, job.id, { to: 'accepted' }),
      move(staff.dispatcher, job.id, { to: 'new' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('refuses a courier moving another courier’s job', async () => {
    const job = await assignedJob();
    const res = await move(staff.courier2, job.id, { to: 'accepted' });
    expect(res.status).toBe(404);
  });
});

describe('POST /api/jobs/:id/assign', () => {
  it('assigns, reassigns with a reason and unassigns', async () => {
    const job = await assignedJob();
    expect(job.status).toBe('assigned');
    expect(job.courier?.id).toBe(f.courier1.id);
    const noReason = await staff.dispatcher
      .post(`/api/jobs/${job.id}/assign`)
      .send({ courierId: f.courier2.id });
    expect(noReason.status).toBe(422);
    const re = await staff.dispatcher
      .post(`/api/jobs/${job.id}/assign`)
      .send({ courierId: f.courier2.id, reason: 'Bưu tá 1 quá tải' });
    expect(re.status).toBe(200);
    expect(re.body.courier.id).toBe(f.courier2.id);
    const un = await staff.dispatcher
      .post(`/api/jobs/${job.id}/assign`)
      .send({ courierId: null, reason: 'Chờ sắp xếp lại' });
    expect(un.body.status).toBe('new');
    expect(un.body.courier).toBeNull();
    const kinds = (await staff.dispatcher.get(`/api/jobs/${job.id}/events`)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toEqual(['created', 'assign', 'reassign', 'unassign']);
  });

  it('refuses a courier of another unit', async () => {
    const job = await newJob();
    const res = await staff.dispatcher
      .post(`/api/jobs/${job.id}/assign`)
      .send({ courierId: f.courierB.id });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('courier_not_in_unit');
  });

  it('refuses a dispatcher of another unit and an operator', async () => {
    const job = await newJob();
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect(
      (await other.post(`/api/jobs/${job.id}/assign`).send({ courierId: f.courierB.id })).status,
    ).toBe(403);
    expect(
      (await staff.operator.post(`/api/jobs/${job.id}/assign`).send({ courierId: f.courier1.id }))
        .status,
    ).toBe(403);
  });

  it('assigns several jobs at once, all or nothing', async () => {
    const [a, b] = [await newJob(), await newJob()];
    const ok = await staff.dispatcher
      .post('/api/jobs/assign')
      .send({ jobIds: [a.id, b.id], courierId: f.courier2.id });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((j: Job) => j.courier?.id)).toEqual([f.courier2.id, f.courier2.id]);
    const c = await newJob();
    const bad = await staff.dispatcher
      .post('/api/jobs/assign')
      .send({ jobIds: [c.id, a.id], courierId: f.courier1.id });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain(a.code);
    expect((await staff.dispatcher.get(`/api/jobs/${c.id}`)).body.status).toBe('new');
  });
});

describe('GET /api/jobs', () => {
  it('shows a courier only their own jobs, and not another courier’s job by id', async () => {
    const mine = await assignedJob('home_assistance', f.courier1.id);
    const theirs = await assignedJob('home_assistance', f.courier2.id);
    const list = (await staff.courier.get('/api/jobs?pageSize=500')).body as { items: Job[] };
    expect(list.items.some((j) => j.id === mine.id)).toBe(true);
    expect(list.items.every((j) => j.courier?.id === f.courier1.id)).toBe(true);
    expect((await staff.courier.get(`/api/jobs/${theirs.id}`)).status).toBe(404);
    expect((await staff.courier.get(`/api/jobs/${theirs.id}/events`)).status).toBe(404);
    expect((await staff.courier.get(`/api/jobs/${mine.id}`)).body.citizen.phone).toBe(
      '+84912345678',
    );
  });

  it('filters by status, type, courier and searches without diacritics', async () => {
    const job = await newJob('fee_collection', {
      addressText: '12 Phạm Văn Thuận, phường Tam Hiệp',
    });
    const byType = (await staff.dispatcher.get('/api/jobs?type=fee_collection&status=new'))
      .body as {
      items: Job[];
    };
    expect(byType.items.map((j) => j.id)).toContain(job.id);
    expect(byType.items.every((j) => j.type === 'fee_collection' && j.status === 'new')).toBe(true);
    const q = (await staff.dispatcher.get('/api/jobs').query({ q: 'pham van thuan' })).body as {
      items: Job[];
    };
    expect(q.items.map((j) => j.id)).toEqual([job.id]);
    const byName = (
      await staff.dispatcher.get('/api/jobs').query({ q: 'dang minh dung', pageSize: 1 })
    ).body as { items: Job[]; total: number };
    expect(byName.items).toHaveLength(1);
    expect(byName.total).toBeGreaterThan(1);
    const byCode = (await staff.dispatcher.get('/api/jobs').query({ q: job.code.toLowerCase() }))
      .body as { items: Job[] };
    expect(byCode.items.map((j) => j.id)).toEqual([job.id]);
    const unassigned = (await staff.dispatcher.get('/api/jobs?courierId=none&open=true')).body as {
      items: Job[];
    };
    expect(unassigned.items.every((j) => j.courier === null)).toBe(true);
  });

  it('hides jobs of other units from their dispatchers', async () => {
    const job = await newJob();
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    const list = (await other.get('/api/jobs')).body as { items: Job[] };
    expect(list.items.map((j) => j.id)).not.toContain(job.id);
    expect((await other.get(`/api/jobs/${job.id}`)).status).toBe(403);
  });
});
