import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, createProcedure, createUser, TEST_PASSWORD } from '../support/factories';
import { createCitizen, createJob } from '../support/reports-factories';
import { createJobHooks, runJobHooks } from '../../server/src/modules/jobs/jobs.service';
import { notificationsJobHooks } from '../../server/src/modules/notifications/notifications.hooks';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
let job: Awaited<ReturnType<typeof createJob>>;
let quietJob: Awaited<ReturnType<typeof createJob>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  org = await createOrgFixture(db);
  const courier = await createUser(db, 'courier', org.unitA.id, { fullName: 'Nguyễn Văn Hùng' });
  const proc = await createProcedure(db, { agency: 'Sở Tư pháp' });
  const citizen = await createCitizen(db, { phone: '+84912345678' });
  const quiet = await createCitizen(db, { phone: '+84987000111', smsOptOut: true });
  job = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    courierId: courier.id,
    procedureId: proc.id,
    dossierCode: 'H48.19.10-261122-0042',
    status: 'accepted',
  });
  quietJob = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: quiet.id,
    courierId: courier.id,
    status: 'accepted',
  });
});
afterAll(async () => t.close());

/** What the job engine does on each change: run the hooks inside the change's transaction. */
async function transition(j: typeof job, toStatus: string, reason?: string) {
  const auth = {
    user: { ...org.inA.dispatcher, unitName: '' },
    unitIds: [org.unitA.id],
    sessionId: 's',
  } as never;
  await t.database.db.transaction(async (tx) => {
    await runJobHooks(
      createJobHooks([notificationsJobHooks({ publicBaseUrl: t.config.publicBaseUrl })]),
      'transitioned',
      tx,
      { ...j, status: toStatus },
      { toStatus, reason: reason ?? null, occurredAt: new Date() } as never,
      auth,
    );
  });
}

const messages = async (id: string) =>
  (
    await (
      await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD)
    ).get(`/api/jobs/${id}/messages`)
  ).body.items as { template: string; body: string; status: string; to: string }[];

describe('SMS to the citizen at the moments that matter', () => {
  it('tells the citizen the courier is on the way, with the courier’s given name, an ETA and the tracking link', async () => {
    await transition(job, 'en_route');
    const [m] = await messages(job.id);
    expect(m!.template).toBe('courier_en_route');
    expect(m!.body).toContain('Hùng');
    expect(m!.body).toContain(job.code);
    expect(m!.body).toContain(`/tra-cuu/${job.code}`);
    expect(m!.body).toMatch(/dự kiến khoảng \d{2}:\d{2}\./);
    expect(m!.body).not.toContain('Nguyễn Văn');
    expect(m!.status).toBe('queued');
    expect(m!.to).not.toContain('345678');
  });

  it('sends the dossier code when the dossier is submitted, and a note when the result is delivered', async () => {
    await transition(job, 'submitted');
    await transition(job, 'delivered');
    const all = await messages(job.id);
    expect(all.map((m) => m.template)).toEqual([
      'courier_en_route',
      'dossier_submitted',
      'result_delivered',
    ]);
    expect(all[1]!.body).toContain('H48.19.10-261122-0042');
    expect(all[1]!.body).toContain('Sở Tư pháp');
  });

  it('explains a failed attempt in plain words, never the staff’s free text', async () => {
    await transition(job, 'failed_attempt', 'citizen_absent');
    const last = (await messages(job.id)).at(-1)!;
    expect(last.template).toBe('failed_attempt');
    expect(last.body).toContain('Không gặp được người nhận');
    expect(last.body).toContain('Lần hẹn tiếp: chúng tôi sẽ gọi điện để hẹn lại.');
  });

  it('sends nothing to a citizen who opted out, and nothing for steps the citizen does not need', async () => {
    await transition(quietJob, 'en_route');
    await transition(job, 'on_site');
    expect(await messages(quietJob.id)).toEqual([]);
    expect((await messages(job.id)).length).toBe(4);
  });

  it('keeps the messages of unit A’s jobs from other units and from couriers', async () => {
    const b = await loginAs(t.app, org.dispatcherB.username, TEST_PASSWORD);
    expect((await b.get(`/api/jobs/${job.id}/messages`)).status).toBe(403);
    const c = await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD);
    expect((await c.get(`/api/jobs/${job.id}/messages`)).status).toBe(403);
  });
});
