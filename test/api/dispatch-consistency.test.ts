import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate, vnStartOfDay, type Job, type ReportSummary } from '@tannha/shared';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';
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
