import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCallbacks, calls } from '../../server/src/db/schema';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCitizen, openAllDay } from '../support/calls-factories';
import { createOrgFixture, createUser, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;
let desk: Agent;
let colleague: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  org = await createOrgFixture(t.database.db);
  await openAllDay(t.database.db);
  // The hotline desk sits at the province office, as in the demo data: two operators.
  const a = await createUser(t.database.db, 'operator', org.province.id);
  const b = await createUser(t.database.db, 'operator', org.province.id);
  desk = await loginAs(t.app, a.username, TEST_PASSWORD);
  colleague = await loginAs(t.app, b.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** Rings the desk from a new caller (the console's simulate control, in office hours). */
async function ring(name: string) {
  const citizen = await createCitizen(t.database.db, { fullName: name });
  const sim = await desk.post('/api/telephony/simulate').send({ from: citizen.phone });
  expect(sim.status, JSON.stringify(sim.body)).toBe(201);
  return sim.body as { callId: string; ticketCode: string };
}

type ListedCallback = { callId: string; reason: string; dueAt: string; status: string };
async function openCallbacks(agent: Agent): Promise<ListedCallback[]> {
  const res = await agent.get('/api/calls/callbacks');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

/** Moves the call's last write back in time, as if nobody touched it for `minutes`. */
async function leaveUntouched(callId: string, minutes: number) {
  const at = new Date(Date.now() - minutes * 60_000);
  await t.database.db
    .update(calls)
    .set({ updatedAt: at, startedAt: at })
    .where(eq(calls.id, callId));
}

const callOf = async (id: string) =>
  (await t.database.db.select().from(calls).where(eq(calls.id, id)))[0]!;

describe('POST /api/calls/:id/dismiss (Esc on a ringing call)', () => {
  it('marks the call missed and lists a callback due within 15 minutes with the reason "dismissed"', async () => {
    const { callId } = await ring('Phạm Thị Lan');
    const before = Date.now();
    const res = await desk.post(`/api/calls/${callId}/dismiss`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.outcome).toBe('missed');
    expect(res.body.endedAt).not.toBeNull();

    const listed = (await openCallbacks(desk)).filter((c) => c.callId === callId);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.reason).toBe('dismissed');
    expect(new Date(listed[0]!.dueAt).getTime()).toBeLessThanOrEqual(before + 16 * 60_000);

    // Dismissing twice (the banner on two screens) still owes one callback.
    expect((await desk.post(`/api/calls/${callId}/dismiss`)).status).toBe(200);
    const rows = await t.database.db
      .select()
      .from(callCallbacks)
      .where(eq(callCallbacks.callId, callId));
    expect(rows).toHaveLength(1);
  });

  it('leaves a call a colleague already answered alone', async () => {
    const { callId } = await ring('Võ Văn Tâm');
    const taken = await colleague.post(`/api/calls/${callId}/answer`);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    const res = await desk.post(`/api/calls/${callId}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBeNull();
    expect((await openCallbacks(desk)).map((c) => c.callId)).not.toContain(callId);

    // And the second operator cannot take it over.
    const second = await desk.post(`/api/calls/${callId}/answer`);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('call_taken');
  });

  it('refuses a call of another unit', async () => {
    const { callId } = await ring('Ngô Thị Mai');
    const other = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
    expect((await other.post(`/api/calls/${callId}/dismiss`)).status).toBe(403);
    expect((await callOf(callId)).outcome).toBeNull();
  });
});

describe('calls left open with nobody on them', () => {
  it('a ringing call nobody took becomes a callback "abandoned" after 10 minutes, on the next read of the list', async () => {
    const { callId } = await ring('Đỗ Văn Hùng');
    await leaveUntouched(callId, 9);
    expect((await openCallbacks(desk)).map((c) => c.callId)).not.toContain(callId);
    await leaveUntouched(callId, 11);
    const listed = (await openCallbacks(desk)).filter((c) => c.callId === callId);
    expect(listed.map((c) => c.reason)).toEqual(['abandoned']);
    expect((await callOf(callId)).outcome).toBe('missed');
  });

  it('a call an operator took but never saved (browser closed, logged out) becomes a callback after an hour', async () => {
    const { callId } = await ring('Bùi Thị Hạnh');
    expect((await desk.post(`/api/calls/${callId}/answer`)).status).toBe(200);
    await leaveUntouched(callId, 30);
    expect((await openCallbacks(desk)).map((c) => c.callId)).not.toContain(callId);
    await leaveUntouched(callId, 61);
    const listed = (await openCallbacks(colleague)).filter((c) => c.callId === callId);
    expect(listed.map((c) => c.reason)).toEqual(['abandoned']);
    // Somebody did talk to the caller: the call is not "missed", it owes a callback.
    expect((await callOf(callId)).outcome).toBe('callback_scheduled');
  });

  it('leaves a saved call alone however old it is', async () => {
    const { callId } = await ring('Lý Văn Phúc');
    const saved = await desk
      .patch(`/api/calls/${callId}`)
      .send({ category: 'procedure_question', outcome: 'answered' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await leaveUntouched(callId, 120);
    expect((await openCallbacks(desk)).map((c) => c.callId)).not.toContain(callId);
    expect((await callOf(callId)).outcome).toBe('answered');
  });
});
