import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate, vnStartOfDay } from '@tannha/shared';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, createProcedure, createUser, TEST_PASSWORD } from '../support/factories';
import { createCitizen, createJob, createPayment } from '../support/reports-factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
let exact: Awaited<ReturnType<typeof createUser>>;
let short: Awaited<ReturnType<typeof createUser>>;
let courierB: Awaited<ReturnType<typeof createUser>>;
const today = toVnDate(new Date());
const shift = addDays(today, -1);
const at = (h: number) => new Date(vnStartOfDay(shift).getTime() + h * 3600_000);
/** What the ledger says each courier collected in cash on the shift, summed here independently. */
const cashOf: Record<string, number> = {};
const feesFor: Record<string, number> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  org = await createOrgFixture(db);
  exact = await createUser(db, 'courier', org.unitA.id, { fullName: 'Đỗ Văn Đủ' });
  short = await createUser(db, 'courier', org.unitA.id, { fullName: 'Vũ Thị Thiếu' });
  courierB = await createUser(db, 'courier', org.unitB.id);
  const citizen = await createCitizen(db);
  const justice = await createProcedure(db, { agency: 'Sở Tư pháp' });
  const police = await createProcedure(db, { agency: 'Công an tỉnh' });
  for (const [courier, amounts] of [
    [exact, [120_000, 26_000, 50_000]],
    [short, [200_000, 31_500, -31_500, 26_000]],
  ] as const) {
    cashOf[courier.id] = 0;
    for (const [i, amount] of amounts.entries()) {
      const proc = i % 2 ? police : justice;
      const job = await createJob(db, {
        unitId: org.unitA.id,
        citizenId: citizen.id,
        courierId: courier.id,
        status: 'completed',
        procedureId: proc.id,
      });
      const flow = i === 0 ? 'procedure_fee' : 'postal_charge';
      await createPayment(db, {
        jobId: job.id,
        unitId: org.unitA.id,
        collectedBy: courier.id,
        flow,
        method: 'cash',
        amountVnd: amount,
        occurredAt: at(9 + i),
      });
      cashOf[courier.id]! += amount;
      if (flow === 'procedure_fee') feesFor[proc.agency] = (feesFor[proc.agency] ?? 0) + amount;
    }
    // A transfer is not cash in hand, and the next day's cash belongs to the next shift.
    const job = await createJob(db, {
      unitId: org.unitA.id,
      citizenId: citizen.id,
      courierId: courier.id,
      status: 'completed',
      procedureId: police.id,
    });
    await createPayment(db, {
      jobId: job.id,
      unitId: org.unitA.id,
      collectedBy: courier.id,
      flow: 'procedure_fee',
      method: 'transfer',
      amountVnd: 70_000,
      occurredAt: at(15),
    });
    feesFor[police.agency] = (feesFor[police.agency] ?? 0) + 70_000;
    await createPayment(db, {
      jobId: job.id,
      unitId: org.unitA.id,
      collectedBy: courier.id,
      flow: 'postal_charge',
      method: 'cash',
      amountVnd: 26_000,
      occurredAt: at(33),
      shiftDate: today,
    });
  }
});
afterAll(async () => t.close());

const manager = () => loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);

describe('cash handed in per courier per shift', () => {
  it('shows each courier’s cash of the shift as the ledger sums it', async () => {
    const res = await (await manager()).get('/api/reconciliation/shifts').query({ date: shift });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body.items.map((r: { courierId: string }) => [r.courierId, r]),
    );
    expect(byId[exact.id]).toMatchObject({
      outstandingVnd: cashOf[exact.id],
      outstandingCount: 3,
      handedInVnd: 0,
      byFlow: { procedureFeeVnd: 120_000, postalChargeVnd: 76_000 },
    });
    expect(byId[short.id]).toMatchObject({ outstandingVnd: cashOf[short.id], outstandingCount: 4 });
    expect(byId[courierB.id]).toBeUndefined();
  });

  it('records a count that matches the ledger and clears the shift', async () => {
    const agent = await manager();
    const res = await agent
      .post('/api/reconciliation/handovers')
      .send({ courierId: exact.id, shiftDate: shift, countedVnd: 196_000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      expectedVnd: 196_000,
      countedVnd: 196_000,
      differenceVnd: 0,
      paymentCount: 3,
      reason: null,
    });
    const after = await agent.get('/api/reconciliation/shifts').query({ date: shift });
    expect(
      after.body.items.find((r: { courierId: string }) => r.courierId === exact.id),
    ).toMatchObject({ outstandingVnd: 0, handedInVnd: 196_000 });
    const again = await agent
      .post('/api/reconciliation/handovers')
      .send({ courierId: exact.id, shiftDate: shift, countedVnd: 0 });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('nothing_to_hand_over');
  });

  it('refuses a short count without a reason, then stores the difference with it', async () => {
    const agent = await manager();
    const expected = cashOf[short.id]!;
    const noReason = await agent
      .post('/api/reconciliation/handovers')
      .send({ courierId: short.id, shiftDate: shift, countedVnd: expected - 20_000 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('difference_needs_reason');
    expect(noReason.body.error.message).toContain('20.000');
    expect(Object.keys(noReason.body.error.fields)).toEqual(['reason']);

    const res = await agent.post('/api/reconciliation/handovers').send({
      courierId: short.id,
      shiftDate: shift,
      countedVnd: expected - 20_000,
      reason: 'Trả lại tiền thừa nhầm cho công dân',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      expectedVnd: expected,
      differenceVnd: -20_000,
      reason: 'Trả lại tiền thừa nhầm cho công dân',
    });

    const list = await agent.get('/api/reconciliation/handovers').query({ from: shift, to: shift });
    expect(list.body.items).toHaveLength(2);
  });

  it('shows the difference and its reason on the dashboard', async () => {
    const res = await (
      await manager()
    )
      .get('/api/reports/summary')
      // To the day the request is made: the handovers above were recorded at the server's
      // now, which may already be past the day the fixtures were written for.
      .query({ from: shift, to: toVnDate(new Date()) });
    expect(res.body.cash).toMatchObject({
      handovers: 2,
      expectedVnd: 196_000 + cashOf[short.id]!,
      differenceVnd: -20_000,
    });
    expect(res.body.cash.discrepancies).toEqual([
      expect.objectContaining({
        courierName: 'Vũ Thị Thiếu',
        differenceVnd: -20_000,
        reason: 'Trả lại tiền thừa nhầm cho công dân',
      }),
    ]);
  });

  it('does not let unit A’s manager count unit B’s courier', async () => {
    const res = await (
      await manager()
    )
      .post('/api/reconciliation/handovers')
      .send({ courierId: courierB.id, shiftDate: shift, countedVnd: 0 });
    expect(res.status).toBe(403);
  });

  it('is closed to couriers', async () => {
    const res = await (
      await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD)
    )
      .get('/api/reconciliation/shifts')
      .query({ date: shift });
    expect(res.status).toBe(403);
  });
});

describe('procedure fees handed over per agency', () => {
  it('lists confirmed fees per agency and hands one agency’s over once', async () => {
    const agent = await manager();
    const fees = await agent.get('/api/reconciliation/fees');
    expect(
      Object.fromEntries(
        fees.body.items.map((f: { agency: string; outstandingVnd: number }) => [
          f.agency,
          f.outstandingVnd,
        ]),
      ),
    ).toEqual(feesFor);
    const res = await agent
      .post('/api/reconciliation/fee-remittances')
      .send({ unitId: org.unitA.id, agency: 'Sở Tư pháp', reference: 'BBGN-0001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountVnd: feesFor['Sở Tư pháp'], paymentCount: 2 });
    const again = await agent
      .post('/api/reconciliation/fee-remittances')
      .send({ unitId: org.unitA.id, agency: 'Sở Tư pháp' });
    expect(again.status).toBe(422);
    const after = await agent.get('/api/reconciliation/fees');
    expect(
      after.body.items.find((f: { agency: string }) => f.agency === 'Sở Tư pháp'),
    ).toMatchObject({ outstandingVnd: 0, remittedVnd: feesFor['Sở Tư pháp'] });
  });
});
