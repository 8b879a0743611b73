import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  toVnDate,
  vnStartOfDay,
  type Job,
  type JobCouriers,
  type Plan,
  type ReportSummary,
} from '@tannha/shared';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import {
  createOrgFixture,
  createProcedure,
  createUnit,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
import { setCourierOnDuty } from '../support/jobs-factories';
import { createPlanJob } from '../support/plans-factories';
import { createCitizen, createJob } from '../support/reports-factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;

beforeAll(async () => {
  t = await buildTestApp();
  org = await createOrgFixture(t.database.db);
});
afterAll(async () => t?.close());

describe('one definition of "Quá hạn" for the dispatcher and the manager', () => {
  const overdueCodes: string[] = [];

  beforeAll(async () => {
    const db = t.database.db;
    const today = toVnDate(new Date());
    const citizen = await createCitizen(db);
    const courier = org.inA.courier.id;
    const a = { unitId: org.unitA.id, citizenId: citizen.id };
    const add = async (over: Partial<Parameters<typeof createJob>[1]>, overdue: boolean) => {
      const job = await createJob(db, { ...a, ...over });
      if (overdue) overdueCodes.push(job.code);
      return job;
    };
    // Overdue: open and past the due date (one created today, one days ago).
    await add({ dueDate: addDays(today, -1) }, true);
    await add(
      {
        status: 'assigned',
        courierId: courier,
        dueDate: addDays(today, -2),
        createdAt: vnStartOfDay(addDays(today, -6)),
      },
      true,
    );
    // Overdue: the courier holds the dossier past the postal leg's limit, due date still ahead.
    await add(
      {
        status: 'collected',
        courierId: courier,
        dueDate: addDays(today, 5),
        legDueDate: addDays(today, -1),
      },
      true,
    );
    // Not overdue: due today and not started (red on the board: due soon), due ahead,
    // completed late (done, not open), handed over past the leg's limit but not due yet.
    await add({ dueDate: today }, false);
    await add({ status: 'assigned', courierId: courier, dueDate: today }, false);
    await add({ dueDate: addDays(today, 3) }, false);
    await add(
      {
        status: 'completed',
        courierId: courier,
        dueDate: addDays(today, -3),
        completedAt: vnStartOfDay(addDays(today, -1)),
        createdAt: vnStartOfDay(addDays(today, -8)),
      },
      false,
    );
    await add(
      {
        status: 'submitted',
        courierId: courier,
        dueDate: addDays(today, 4),
        legDueDate: addDays(today, -2),
      },
      false,
    );
    // Another post office's overdue job counts for neither.
    await createJob(db, {
      unitId: org.unitB.id,
      citizenId: citizen.id,
      dueDate: addDays(today, -1),
    });
  });

  it('the dispatch map\'s overdue tab and the dashboard\'s "Quá hạn" figure count the same jobs', async () => {
    const dispatcher = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const today = toVnDate(new Date());

    const tab = await dispatcher.get('/api/jobs/late');
    expect(tab.status).toBe(200);
    const tabCodes = (tab.body.items as Job[]).map((j) => j.code).sort();
    expect(tabCodes).toEqual([...overdueCodes].sort());

    const filter = await dispatcher.get('/api/jobs').query({ open: true, late: true });
    expect(filter.status).toBe(200);
    expect(filter.body.total).toBe(overdueCodes.length);

    const summary = await manager
      .get('/api/reports/summary')
      .query({ from: today, to: today, unitId: org.unitA.id });
    expect(summary.status).toBe(200);
    const s = summary.body as ReportSummary;
    expect(s.overdue).toBe(tabCodes.length);
    expect(s.late.map((j) => j.code).sort()).toEqual(tabCodes);
    // The on-time rate of today's jobs names its two kinds of late apart.
    expect(s.onTime.overdueOpen + s.onTime.completedLate).toBe(s.onTime.late);
  });

  it('every job in the overdue tab carries the "late" badge, and no other open job does', async () => {
    const dispatcher = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const open = await dispatcher.get('/api/jobs').query({ open: true, pageSize: 100 });
    const late = (open.body.items as Job[]).filter((j) => j.late).map((j) => j.code);
    expect(late.sort()).toEqual([...overdueCodes].sort());
  });
});

describe('GET /api/jobs/:id/couriers: only couriers who can take the job', () => {
  let couriers: Record<'onDuty' | 'offDuty' | 'sub' | 'disabled' | 'otherUnit', { id: string }>;
  let jobIds: string[];

  beforeAll(async () => {
    const db = t.database.db;
    const sub = await createUnit(db, { parentId: org.unitA.id, name: 'Điểm phục vụ A1' });
    couriers = {
      onDuty: org.inA.courier,
      offDuty: await createUser(db, 'courier', org.unitA.id, { fullName: 'Phan Văn Nghỉ' }),
      sub: await createUser(db, 'courier', sub.id, { fullName: 'Đỗ Thị Điểm' }),
      disabled: await createUser(db, 'courier', org.unitA.id, {
        fullName: 'Võ Văn Khóa',
        disabled: true,
      }),
      otherUnit: await createUser(db, 'courier', org.unitB.id, { fullName: 'Hồ Văn Bê' }),
    };
    await setCourierOnDuty(db, couriers.onDuty.id);
    await setCourierOnDuty(db, couriers.sub.id);
    await setCourierOnDuty(db, couriers.otherUnit.id);
    const citizen = await createCitizen(db);
    jobIds = [];
    for (let i = 0; i < 4; i++)
      jobIds.push((await createJob(db, { unitId: org.unitA.id, citizenId: citizen.id })).id);
  });

  it("lists the active couriers of the job's unit and below, on shift first, and counts the others", async () => {
    const manager = await loginAs(t.app, org.provinceManager.username, TEST_PASSWORD);
    const res = await manager.get(`/api/jobs/${jobIds[0]}/couriers`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as JobCouriers;
    expect(body.unitName).toBe('Bưu cục A');
    const ids = body.items.map((c) => c.id);
    expect(new Set(ids)).toEqual(
      new Set([couriers.onDuty.id, couriers.sub.id, couriers.offDuty.id]),
    );
    expect(ids.at(-1)).toBe(couriers.offDuty.id);
    expect(body.items.find((c) => c.id === couriers.offDuty.id)?.onDuty).toBe(false);
    // The province manager also sees unit B's courier: left out, and counted.
    expect(body.otherUnits).toBe(1);

    // Everyone listed is accepted by the assignment; the one left out is refused.
    for (const [i, id] of ids.entries()) {
      const ok = await manager.post(`/api/jobs/${jobIds[i]}/assign`).send({ courierId: id });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
    const refused = await manager
      .post(`/api/jobs/${jobIds[3]}/assign`)
      .send({ courierId: couriers.otherUnit.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('courier_not_in_unit');
  });

  it('answers a dispatcher of the unit with no other unit to mention, and refuses another post office', async () => {
    const dispatcher = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const res = await dispatcher.get(`/api/jobs/${jobIds[3]}/couriers`);
    expect(res.status).toBe(200);
    expect((res.body as JobCouriers).otherUnits).toBe(0);
    expect((res.body as JobCouriers).items.map((c) => c.id)).not.toContain(couriers.disabled.id);
    const otherDispatcher = await loginAs(t.app, org.dispatcherB.username, TEST_PASSWORD);
    expect((await otherDispatcher.get(`/api/jobs/${jobIds[3]}/couriers`)).status).toBe(403);
  });
});

describe('the planner offers a job only to couriers who can take it', () => {
  it("an accepted job of unit A cannot be moved to unit B's courier in a province plan", async () => {
    const db = t.database.db;
    const date = addDays(toVnDate(new Date()), 9);
    const procedure = await createProcedure(db);
    const citizen = await createCitizen(db);
    const courierA = await createUser(db, 'courier', org.unitA.id, { fullName: 'Lý Văn An' });
    const courierB = await createUser(db, 'courier', org.unitB.id, { fullName: 'Lý Văn Bình' });
    const common = { citizenId: citizen.id, procedureId: procedure.id, lat: 10.95, lng: 106.82 };
    const accepted = await createPlanJob(db, {
      ...common,
      unitId: org.unitA.id,
      status: 'accepted',
      courierId: courierA.id,
      window: [date, 9, 11],
    });
    await createPlanJob(db, {
      ...common,
      unitId: org.unitB.id,
      lng: 106.83,
      window: [date, 9, 11],
    });
    const manager = await loginAs(t.app, org.provinceManager.username, TEST_PASSWORD);
    const created = await manager
      .post(`/api/units/${org.province.id}/plans`)
      .send({ date, budgetMs: 200, courierIds: [courierA.id, courierB.id] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const plan = created.body as Plan;
    const stop = plan.routes.flatMap((r) => r.stops).find((s) => s.jobId === accepted.id)!;
    expect(stop.courierIds).toEqual([courierA.id]);

    const moved = await manager.patch(`/api/plans/${plan.id}`).send({
      routes: [
        { courierId: courierA.id, jobIds: [] },
        {
          courierId: courierB.id,
          jobIds: [
            ...plan.routes.find((r) => r.courierId === courierB.id)!.stops.map((s) => s.jobId),
            accepted.id,
          ],
        },
      ],
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('plan_courier_not_eligible');
  });
});
