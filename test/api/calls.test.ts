import { and, eq } from 'drizzle-orm';
import { createWorkingCalendar, defaultHolidays, dueDate } from '@tannha/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, calls, jobs, smsOutbox } from '../../server/src/db/schema';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCitizen, seedHolidays } from '../support/calls-factories';
import { createOrgFixture, createProcedure, createUser, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
const HOLIDAYS = [...defaultHolidays(2026), ...defaultHolidays(2027)];

beforeAll(async () => {
  t = await buildTestApp();
  org = await createOrgFixture(t.database.db);
  await seedHolidays(t.database.db, HOLIDAYS);
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

// One session per role for the file (logins are rate-limited); the Tết test logs in under its own clock.
let operatorAgent: ReturnType<typeof loginAs> | undefined;
let managerAgent: ReturnType<typeof loginAs> | undefined;
const operator = () => (operatorAgent ??= loginAs(t.app, org.inA.operator.username, TEST_PASSWORD));
const manager = () => (managerAgent ??= loginAs(t.app, org.inA.manager.username, TEST_PASSWORD));

async function logCall(agent: Awaited<ReturnType<typeof operator>>, body: Record<string, unknown>) {
  const res = await agent.post('/api/calls').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; ticketCode: string; citizenId: string | null; version: number };
}

/** The SMS queued for a job, or for a call. */
async function smsOf(of: { jobId: string } | { callId: string }) {
  const where = 'jobId' in of ? eq(smsOutbox.jobId, of.jobId) : eq(smsOutbox.callId, of.callId);
  return t.database.db.select().from(smsOutbox).where(where);
}

/** The stored row of a call. */
async function callRow(id: string) {
  return (await t.database.db.select().from(calls).where(eq(calls.id, id)))[0];
}

describe('POST /api/calls/:id/jobs (job from a call)', () => {
  it('links call and job, counts the due date in working days across Tết 2027, and queues exactly one SMS', async () => {
    // Friday 5 Feb 2027, 09:00 in Vietnam: the eve of Tết, itself a holiday; the office
    // reopens on Friday 12 Feb.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-05T09:00:00+07:00') });
    const agent = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
    const citizen = await createCitizen(t.database.db, { fullName: 'Lê Thị Hoa' });
    const procedure = await createProcedure(t.database.db, {
      name: 'Cấp Phiếu lý lịch tư pháp',
      feeVnd: 200_000,
      postalChargeVnd: 26_000,
    });
    const call = await logCall(agent, {
      callerPhone: citizen.phone.replace('+84', '0'),
      category: 'pickup_request',
      content: 'Xin nhận hồ sơ tại nhà',
    });
    expect(call.citizenId).toBe(citizen.id);

    const res = await agent.post(`/api/calls/${call.id}/jobs`).send({
      type: 'home_assistance',
      unitId: org.unitA.id,
      procedureId: procedure.id,
      addressText: '12 Võ Thị Sáu, phường Trấn Biên, Đồng Nai',
      lat: 10.95,
      lng: 106.82,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { job, call: linked, smsId } = res.body;

    const expected = dueDate(
      createWorkingCalendar(HOLIDAYS),
      new Date('2027-02-05T09:00:00+07:00'),
      2,
    );
    expect(expected).toBe('2027-02-16');
    expect(job.dueDate).toBe(expected);
    expect(job.dueDate > '2027-02-11').toBe(true); // after the whole Tết break

    expect(linked.jobId).toBe(job.id);
    expect(linked.jobCode).toBe(job.code);
    expect(linked.outcome).toBe('job_created');
    const [jobRow] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(jobRow!.callId).toBe(call.id);
    expect(jobRow!.feeDueVnd).toBe(200_000);

    const sms = await smsOf({ jobId: job.id });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.id).toBe(smsId);
    expect(sms[0]!.toPhone).toBe(citizen.phone);
    expect(sms[0]!.status).toBe('queued');
    expect(sms[0]!.body).toContain(job.code);
    expect(sms[0]!.body).toContain(`http://localhost:3000/tra-cuu/${job.code}`);
    expect(sms[0]!.body).toContain('16/02/2027');

    // One job per call: a second try is refused and queues nothing more.
    const again = await agent.post(`/api/calls/${call.id}/jobs`).send({
      type: 'home_assistance',
      unitId: org.unitA.id,
      addressText: '12 Võ Thị Sáu, Trấn Biên',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('call_has_job');
    expect(await smsOf({ jobId: job.id })).toHaveLength(1);
  });

  it('refuses a procedure that must be done in person with 422 and a message that says why, writing nothing', async () => {
    const agent = await operator();
    const citizen = await createCitizen(t.database.db);
    const procedure = await createProcedure(t.database.db, {
      name: 'Cấp Căn cước',
      inPersonOnly: true,
    });
    const call = await logCall(agent, { callerPhone: citizen.phone, category: 'pickup_request' });
    const res = await agent.post(`/api/calls/${call.id}/jobs`).set('Accept-Language', 'vi').send({
      type: 'home_assistance',
      unitId: org.unitA.id,
      procedureId: procedure.id,
      addressText: '5 Phan Chu Trinh, Trấn Biên',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('procedure_in_person_only');
    expect(res.body.error.message).toContain('Cấp Căn cước');
    expect(res.body.error.message).toMatch(/trực tiếp/);
    const row = await callRow(call.id);
    expect(row!.jobId).toBeNull();
    expect(await t.database.db.select().from(jobs).where(eq(jobs.callId, call.id))).toHaveLength(0);
    expect(await smsOf({ callId: call.id })).toHaveLength(0);
  });

  it('creates the job but queues no SMS for a citizen who opted out', async () => {
    const agent = await operator();
    const citizen = await createCitizen(t.database.db, { smsOptOut: true });
    const call = await logCall(agent, { callerPhone: citizen.phone, category: 'delivery_request' });
    const res = await agent.post(`/api/calls/${call.id}/jobs`).send({
      type: 'result_delivery',
      unitId: org.unitA.id,
      dossierCode: 'H48.19.10-260315-0042',
      addressText: '8 Hưng Đạo Vương, Trấn Biên',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.smsId).toBeNull();
    expect(await smsOf({ jobId: res.body.job.id })).toHaveLength(0);
  });

  it('asks for the caller first when the number matches nobody', async () => {
    const agent = await operator();
    const call = await logCall(agent, { callerPhone: '0977 000 123' });
    const res = await agent.post(`/api/calls/${call.id}/jobs`).send({
      type: 'home_assistance',
      unitId: org.unitA.id,
      addressText: '1 Đồng Khởi, Tam Hiệp',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('citizen_required');
  });
});

describe('the call log', () => {
  it('gives readable ticket codes, filters by category, outcome, phone in any form and date range', async () => {
    const agent = await operator();
    const a = await logCall(agent, {
      callerPhone: '0912.111.222',
      category: 'procedure_question',
      content: 'Hỏi lệ phí khai sinh',
      close: true,
    });
    await logCall(agent, {
      callerPhone: '0912 333 444',
      category: 'status_lookup',
      outcome: 'answered',
    });
    expect(a.ticketCode).toMatch(/^1022-\d{6}-\d{4}$/);
    const byPhone = await agent.get('/api/calls').query({ phone: '+84 912 111 222' });
    expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const byCategory = await agent.get('/api/calls').query({ category: 'status_lookup' });
    expect(
      byCategory.body.items.every((c: { category: string }) => c.category === 'status_lookup'),
    ).toBe(true);
    expect(byCategory.body.total).toBeGreaterThanOrEqual(1);
    const old = await agent.get('/api/calls').query({ from: '2020-01-01', to: '2020-01-31' });
    expect(old.body.items).toHaveLength(0);
    const page = await agent.get('/api/calls').query({ pageSize: 1, page: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    const bad = await agent.get('/api/calls').query({ category: 'gossip' });
    expect(bad.status).toBe(400);
  });

  it('keeps calls of one unit from another unit', async () => {
    const agent = await operator();
    const call = await logCall(agent, { callerPhone: '0912 555 666' });
    const other = await loginAs(t.app, org.dispatcherB.username, TEST_PASSWORD);
    expect((await other.get(`/api/calls/${call.id}`)).status).toBe(403);
    expect((await other.patch(`/api/calls/${call.id}`).send({ content: 'x' })).status).toBe(403);
    const list = await other.get('/api/calls');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    const courier = await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD);
    expect((await courier.get('/api/calls')).status).toBe(403);
  });

  it('lets anyone edit an open call, but a closed one only a manager with a logged reason', async () => {
    const agent = await operator();
    const call = await logCall(agent, { callerPhone: '0912 777 888', category: 'other' });
    const edited = await agent
      .patch(`/api/calls/${call.id}`)
      .send({ content: 'Nội dung ghi đúng lời công dân', outcome: 'answered' });
    expect(edited.status).toBe(200);
    expect(edited.body.content).toBe('Nội dung ghi đúng lời công dân');
    // A stale edit is refused.
    expect(
      (await agent.patch(`/api/calls/${call.id}`).send({ content: 'cũ', version: call.version }))
        .status,
    ).toBe(409);

    expect((await agent.post(`/api/calls/${call.id}/close`)).status).toBe(200);
    const locked = await agent.patch(`/api/calls/${call.id}`).send({ content: 'sửa sau khi đóng' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('call_closed');

    const boss = await manager();
    const noReason = await boss
      .patch(`/api/calls/${call.id}`)
      .send({ content: 'sửa sau khi đóng' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('reason_required');
    const ok = await boss
      .patch(`/api/calls/${call.id}`)
      .send({ content: 'sửa sau khi đóng', reason: 'Công dân gọi lại đính chính nội dung' });
    expect(ok.status).toBe(200);
    expect(ok.body.content).toBe('sửa sau khi đóng');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, call.id), eq(auditEvents.action, 'call.update_closed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('Công dân gọi lại đính chính nội dung');
    expect(audit[0]!.actorId).toBe(org.inA.manager.id);

    expect(
      (await agent.post(`/api/calls/${call.id}/reopen`).send({ reason: 'Mở lại để sửa' })).status,
    ).toBe(403);
    const reopened = await boss
      .post(`/api/calls/${call.id}/reopen`)
      .send({ reason: 'Mở lại để bổ sung' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.closedAt).toBeNull();
  });

  it('will not close a call without category and outcome', async () => {
    const agent = await operator();
    const call = await logCall(agent, { callerPhone: '0912 999 000' });
    const res = await agent.post(`/api/calls/${call.id}/close`);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['category', 'outcome']),
    );
  });
});

describe('feedback and callbacks', () => {
  it('gives feedback a due date 5 working days out and lists it once overdue', async () => {
    const agent = await operator();
    // The call is logged while it happens (a call older than a month is refused).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-02T09:05:00+07:00') });
    const fb = await agent.post('/api/calls').send({
      callerPhone: '0912 444 555',
      category: 'feedback',
      content: 'Phản ánh cán bộ một cửa hẹn sai ngày',
      forwardedUnitId: org.unitB.id,
      startedAt: '2026-11-02T09:00:00+07:00', // a Monday
    });
    expect(fb.status).toBe(201);
    expect(fb.body.feedbackDueDate).toBe('2026-11-09');
    expect(fb.body.forwardedUnitName).toBe(org.unitB.name);
    vi.setSystemTime(new Date('2026-11-12T09:00:00+07:00'));
    const overdue = await agent.get('/api/calls/feedback/overdue');
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(fb.body.id);
    // Answered feedback leaves the list.
    await agent
      .patch(`/api/calls/${fb.body.id}`)
      .send({ answer: 'Đã chuyển Sở Nội vụ, đã trả lời công dân', published: true });
    const after = await agent.get('/api/calls/feedback/overdue');
    expect(after.body.items.map((c: { id: string }) => c.id)).not.toContain(fb.body.id);
  });

  it('schedules a callback, lists it as due once the time passes, and marks it done', async () => {
    const agent = await operator();
    const call = await logCall(agent, { callerPhone: '0912 121 212', category: 'status_lookup' });
    const due = new Date(Date.now() + 60 * 60_000).toISOString();
    const cb = await agent
      .post(`/api/calls/${call.id}/callbacks`)
      .send({ dueAt: due, note: 'Gọi lại báo kết quả tra cứu' });
    expect(cb.status).toBe(201);
    expect(cb.body.overdue).toBe(false);
    const notYet = await agent.get('/api/calls/callbacks').query({ due: 'true' });
    expect(notYet.body.items.map((c: { id: string }) => c.id)).not.toContain(cb.body.id);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(Date.now() + 2 * 3600_000) });
    const dueNow = await agent.get('/api/calls/callbacks').query({ due: 'true' });
    const item = dueNow.body.items.find((c: { id: string }) => c.id === cb.body.id);
    expect(item.overdue).toBe(true);
    const row = await callRow(call.id);
    expect(row!.outcome).toBe('callback_scheduled');
    const done = await agent
      .post(`/api/calls/callbacks/${cb.body.id}/complete`)
      .send({ note: 'Đã gọi lại' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect((await agent.post(`/api/calls/callbacks/${cb.body.id}/complete`).send({})).status).toBe(
      409,
    );
  });
});

describe('without Twilio credentials (console telephony)', () => {
  it('the simulate control runs the voice handler and pops the caller with history; unsigned webhooks stay closed', async () => {
    // The hotline desk sits at the province office (the top unit), as in the demo data.
    const desk = await createUser(t.database.db, 'operator', org.province.id);
    const agent = await loginAs(t.app, desk.username, TEST_PASSWORD);
    const citizen = await createCitizen(t.database.db, { fullName: 'Đặng Minh Dũng' });
    await logCall(agent, {
      callerPhone: citizen.phone,
      category: 'procedure_question',
      content: 'Hỏi lệ phí',
      close: true,
    });
    const direct = await agent
      .post('/api/twilio/voice')
      .type('form')
      .send({ CallSid: 'CA123', From: citizen.phone });
    expect(direct.status).toBe(403);
    const sim = await agent
      .post('/api/telephony/simulate')
      .send({ from: citizen.phone.replace('+84', '0') });
    expect(sim.status, JSON.stringify(sim.body)).toBe(201);
    expect(sim.body.twiml).toContain('<Dial');
    const pop = await agent.get(`/api/telephony/screen-pop/${sim.body.callId}`);
    expect(pop.status).toBe(200);
    expect(pop.body.citizen.fullName).toBe('Đặng Minh Dũng');
    expect(pop.body.callerPhone).toBe(citizen.phone);
    expect(pop.body.lastCalls[0].content).toBe('Hỏi lệ phí');
    // The simulated call belongs to the hotline's top unit, not the operator's post office.
    const row = await callRow(sim.body.callId);
    expect(row!.unitId).toBe(org.province.id);
  });
});
