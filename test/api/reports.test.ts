import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  toVnDate,
  vnStartOfDay,
  jobPath,
  type JobType,
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
import { refreshJobMilestones } from '../../server/src/modules/reports/job-milestones';
import {
  addJobEvent,
  createCall,
  createCitizen,
  createJob,
  createPayment,
  createRating,
} from '../support/reports-factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
const today = toVnDate(new Date());
const from = addDays(today, -9);
const HOUR = 3600_000;

/** What the fixture holds, kept in plain JS so the expected figures are computed here, not by SQL. */
type FixtureJob = {
  type: JobType;
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  dueDate: string | null;
  courierId: string | null;
  callStartedAt: Date | null;
  assignedAt: Date | null;
  pickupAt: Date | null;
  handedAt: Date | null;
  procedure: string;
};
const inScope: FixtureJob[] = [];
const callsInScope: { category: string; outcome: string; startedAt: Date }[] = [];
const paymentsInScope: { flow: string; method: string; amountVnd: number; status: string }[] = [];
const starsInScope: number[] = [];

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  org = await createOrgFixture(db);
  const subA = await createUnit(db, { parentId: org.unitA.id, name: 'Điểm phục vụ A1' });
  const courierA = org.inA.courier;
  const courierA1 = await createUser(db, 'courier', subA.id, { fullName: 'Trần Thị Bưu' });
  const courierB = await createUser(db, 'courier', org.unitB.id);
  const procs = [
    await createProcedure(db, { name: 'Cấp bản sao trích lục hộ tịch' }),
    await createProcedure(db, { name: 'Đăng ký khai sinh' }),
  ];
  const citizen = await createCitizen(db);
  const rnd = lcg(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

  const categories = ['procedure_question', 'pickup_request', 'feedback'];
  const outcomes = ['answered', 'job_created', 'missed'];
  // Calls: in A (counted), in A1 (sub-unit: counted), in B and before the range (not counted).
  for (let i = 0; i < 40; i++) {
    const where = i % 4 === 3 ? 'B' : i % 4 === 2 ? 'A1' : 'A';
    const early = i % 10 === 9;
    const startedAt = new Date(
      vnStartOfDay(addDays(from, early ? -3 : Math.floor(rnd() * 9))).getTime() +
        Math.floor(rnd() * 24) * HOUR +
        5 * 60_000,
    );
    const category = pick(categories);
    const outcome = pick(outcomes);
    await createCall(db, {
      unitId: where === 'B' ? org.unitB.id : where === 'A1' ? subA.id : org.unitA.id,
      startedAt,
      category,
      outcome,
    });
    if (where !== 'B' && !early) callsInScope.push({ category, outcome, startedAt });
  }

  const statusesFor = (type: JobType) => [...jobPath(type), 'cancelled', 'on_hold'];
  for (let i = 0; i < 36; i++) {
    const where = i % 6 === 5 ? 'B' : i % 3 === 1 ? 'A1' : 'A';
    const unitId = where === 'B' ? org.unitB.id : where === 'A1' ? subA.id : org.unitA.id;
    const courier = where === 'B' ? courierB : where === 'A1' ? courierA1 : courierA;
    const type = pick(['home_assistance', 'result_delivery'] as const);
    const path = jobPath(type);
    const status = pick(statusesFor(type));
    const early = i % 12 === 11;
    const day = addDays(from, early ? -4 : Math.floor(rnd() * 9));
    const callStartedAt =
      i % 2 === 0
        ? new Date(vnStartOfDay(day).getTime() + 8 * HOUR + Math.floor(rnd() * 60) * 60_000)
        : null;
    const createdAt = new Date(
      (callStartedAt ?? vnStartOfDay(day)).getTime() + 9 * HOUR + Math.floor(rnd() * 30) * 60_000,
    );
    const reach =
      status === 'cancelled' ? 0 : status === 'on_hold' ? 3 : path.indexOf(status as never);
    const assignedAt =
      reach >= 1 ? new Date(createdAt.getTime() + Math.floor(5 + rnd() * 120) * 60_000) : null;
    const pickupIdx = path.indexOf(type === 'home_assistance' ? 'collected' : 'picked_up');
    const handIdx = path.indexOf(type === 'home_assistance' ? 'submitted' : 'delivered');
    const pickupAt =
      reach >= pickupIdx && assignedAt
        ? new Date(assignedAt.getTime() + Math.floor(30 + rnd() * 600) * 60_000)
        : null;
    const handedAt =
      reach >= handIdx && pickupAt
        ? new Date(pickupAt.getTime() + Math.floor(30 + rnd() * 900) * 60_000)
        : null;
    const completedAt =
      status === 'completed'
        ? new Date((handedAt ?? createdAt).getTime() + Math.floor(rnd() * 3 * 24) * HOUR)
        : null;
    // No job falls due on `today` itself: "late" is "due before the server's today", which is
    // the next day should Vietnamese midnight pass during the run; a due date on either side
    // of it reads the same on both days.
    const drawn = i % 9 === 4 ? null : addDays(day, Math.floor(rnd() * 5));
    const dueDate = drawn === today ? addDays(today, 1) : drawn;
    const procedure = pick(procs);
    const call = callStartedAt
      ? await createCall(db, {
          unitId: org.province.id,
          startedAt: callStartedAt,
          category: 'pickup_request',
          outcome: 'job_created',
        })
      : null;
    const job = await createJob(db, {
      unitId,
      citizenId: citizen.id,
      type,
      status,
      createdAt,
      completedAt,
      dueDate,
      procedureId: procedure.id,
      courierId: reach >= 1 ? courier.id : null,
      callId: call?.id ?? null,
      lat: 10.95 + rnd() * 0.02,
      lng: 106.82 + rnd() * 0.02,
    });
    await addJobEvent(db, job.id, { kind: 'created', toStatus: 'new', occurredAt: createdAt });
    if (assignedAt)
      await addJobEvent(db, job.id, {
        toStatus: 'assigned',
        fromStatus: 'new',
        occurredAt: assignedAt,
      });
    // A reassignment later must not move the "first assigned" time.
    if (assignedAt && i % 5 === 0)
      await addJobEvent(db, job.id, {
        toStatus: 'assigned',
        fromStatus: 'assigned',
        occurredAt: new Date(assignedAt.getTime() + 10 * 60_000),
      });
    if (pickupAt)
      await addJobEvent(db, job.id, { toStatus: path[pickupIdx]!, occurredAt: pickupAt });
    if (handedAt) await addJobEvent(db, job.id, { toStatus: path[handIdx]!, occurredAt: handedAt });
    if (where !== 'B' && !early) {
      inScope.push({
        type,
        status,
        createdAt,
        completedAt,
        dueDate,
        courierId: reach >= 1 ? courier.id : null,
        callStartedAt,
        assignedAt,
        pickupAt,
        handedAt,
        procedure: procedure.id,
      });
    }
    // Money and ratings on finished jobs.
    if (pickupAt) {
      const entries = [
        {
          flow: 'procedure_fee' as const,
          method: pick(['cash', 'transfer'] as const),
          amountVnd: 50_000 + Math.floor(rnd() * 10) * 10_000,
          status: pick(['confirmed', 'confirmed', 'pending'] as const),
        },
        {
          flow: 'postal_charge' as const,
          method: 'cash' as const,
          amountVnd: 26_000,
          status: 'confirmed' as const,
        },
      ];
      for (const e of entries) {
        await createPayment(db, {
          jobId: job.id,
          unitId,
          collectedBy: courier.id,
          occurredAt: pickupAt,
          ...e,
        });
        if (where !== 'B' && pickupAt >= vnStartOfDay(from)) paymentsInScope.push(e);
      }
    }
    if (status === 'completed' && completedAt) {
      const stars = 1 + Math.floor(rnd() * 5);
      // Rated by the end of yesterday at the latest, inside the range whatever the hour.
      const ratedAt = new Date(
        Math.min(vnStartOfDay(today).getTime() - 1000, completedAt.getTime() + HOUR),
      );
      await createRating(db, {
        jobId: job.id,
        unitId,
        courierId: courier.id,
        stars,
        createdAt: ratedAt,
      });
      if (where !== 'B' && ratedAt >= vnStartOfDay(from)) starsInScope.push(stars);
    }
  }
  // The fixture wrote job_events directly, past the job engine's hooks: rebuild the rollup from them.
  await refreshJobMilestones(db);
});
afterAll(async () => t.close());

async function summaryFor(username: string, query: Record<string, string>) {
  const agent = await loginAs(t.app, username, TEST_PASSWORD);
  return agent.get('/api/reports/summary').query(query);
}

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[key(x)] = (m[key(x)] ?? 0) + 1;
  return m;
};
const asMap = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.count]));
const avgSeconds = (pairs: [Date | null, Date | null][]) => {
  const xs = pairs.filter(([a, b]) => a && b).map(([a, b]) => (b!.getTime() - a!.getTime()) / 1000);
  return { count: xs.length, avg: xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null };
};

describe('GET /api/reports/summary', () => {
  let body: ReportSummary;
  beforeAll(async () => {
    const res = await summaryFor(org.inA.manager.username, { from, to: today });
    expect(res.status).toBe(200);
    body = res.body as ReportSummary;
  });

  it('covers the unit and its sub-units', () => {
    expect(body.range).toMatchObject({ unitId: org.unitA.id, from, to: today, unitCount: 2 });
  });

  it('counts calls by category, outcome and local hour of day', () => {
    expect(body.calls.total).toBe(callsInScope.length);
    expect(asMap(body.calls.byCategory)).toEqual(countBy(callsInScope, (c) => c.category));
    expect(asMap(body.calls.byOutcome)).toEqual(countBy(callsInScope, (c) => c.outcome));
    const hours = countBy(callsInScope, (c) => String((c.startedAt.getUTCHours() + 7) % 24));
    expect(body.calls.byHour).toHaveLength(24);
    for (const h of body.calls.byHour) expect(h.count).toBe(hours[String(h.hour)] ?? 0);
  });

  it('counts jobs by type, status and procedure', () => {
    expect(body.jobs.total).toBe(inScope.length);
    expect(asMap(body.jobs.byType)).toEqual(countBy(inScope, (j) => j.type));
    expect(asMap(body.jobs.byStatus)).toEqual(countBy(inScope, (j) => j.status));
    expect(Object.fromEntries(body.jobs.byProcedure.map((p) => [p.procedureId, p.count]))).toEqual(
      countBy(inScope, (j) => j.procedure),
    );
    expect(body.jobs.byDay.reduce((s, d) => s + d.created, 0)).toBe(inScope.length);
  });

  it('computes the on-time rate against due dates', () => {
    let onTime = 0;
    let completedLate = 0;
    let overdueOpen = 0;
    for (const j of inScope) {
      if (!j.dueDate || j.status === 'cancelled') continue;
      if (j.status === 'completed') {
        if (toVnDate(j.completedAt!) <= j.dueDate) onTime++;
        else completedLate++;
      } else if (j.dueDate < today) overdueOpen++;
    }
    const late = completedLate + overdueOpen;
    expect(onTime + late).toBeGreaterThan(3);
    // "Xong trễ hạn" and "Quá hạn chưa xong" are named apart; together they are the late share.
    expect(completedLate).toBeGreaterThan(0);
    expect(overdueOpen).toBeGreaterThan(0);
    expect(body.onTime).toEqual({
      onTime,
      late,
      completedLate,
      overdueOpen,
      rate: onTime / (onTime + late),
    });
  });

  it('averages the time of each leg from the first event reaching it', () => {
    const legs = Object.fromEntries(body.legs.map((l) => [l.leg, l]));
    const expected = {
      call_to_assignment: avgSeconds(
        inScope.map((j) => [j.callStartedAt ?? j.createdAt, j.assignedAt]),
      ),
      assignment_to_pickup: avgSeconds(inScope.map((j) => [j.assignedAt, j.pickupAt])),
      pickup_to_handover: avgSeconds(inScope.map((j) => [j.pickupAt, j.handedAt])),
    };
    for (const [leg, e] of Object.entries(expected)) {
      expect(e.count).toBeGreaterThan(0);
      expect(legs[leg]!.count).toBe(e.count);
      expect(legs[leg]!.avgSeconds).toBeCloseTo(e.avg!, -1);
    }
  });

  it('sums money by flow and by method, leaving unconfirmed transfers out', () => {
    const confirmed = paymentsInScope.filter((p) => p.status === 'confirmed');
    const sumBy = (key: 'flow' | 'method') => {
      const m: Record<string, number> = {};
      for (const p of confirmed) m[p[key]] = (m[p[key]] ?? 0) + p.amountVnd;
      return m;
    };
    expect(Object.fromEntries(body.money.byFlow.map((f) => [f.key, f.amountVnd]))).toEqual(
      sumBy('flow'),
    );
    expect(Object.fromEntries(body.money.byMethod.map((f) => [f.key, f.amountVnd]))).toEqual(
      sumBy('method'),
    );
    expect(body.money.totalVnd).toBe(confirmed.reduce((s, p) => s + p.amountVnd, 0));
    expect(body.money.pendingVnd).toBe(
      paymentsInScope.filter((p) => p.status === 'pending').reduce((s, p) => s + p.amountVnd, 0),
    );
  });

  it('reports ratings and per-courier volume', () => {
    expect(body.ratings.count).toBe(starsInScope.length);
    if (starsInScope.length)
      expect(body.ratings.average).toBeCloseTo(
        starsInScope.reduce((a, b) => a + b, 0) / starsInScope.length,
        2,
      );
    const perCourier = countBy(
      inScope.filter((j) => j.courierId),
      (j) => j.courierId!,
    );
    expect(Object.fromEntries(body.couriers.map((c) => [c.courierId, c.jobs]))).toEqual(perCourier);
    expect(body.distanceSource).toBe('job_coordinates');
    for (const c of body.couriers) expect(c.name).not.toBe('');
  });

  it('lists open jobs past their due date with who holds them', () => {
    const lateOpen = inScope.filter(
      (j) =>
        j.dueDate &&
        j.dueDate < today &&
        !['completed', 'cancelled', 'returned'].includes(j.status),
    );
    // Jobs created before the range that are late count too, so the list is at least these.
    expect(body.late.length).toBeGreaterThanOrEqual(lateOpen.length);
    for (const l of body.late) expect(l.dueDate < today).toBe(true);
    expect(body.late.some((l) => l.holderName)).toBe(lateOpen.some((j) => j.courierId));
  });
});

describe('who may read the reports', () => {
  it('refuses a manager of unit A asking for unit B', async () => {
    const res = await summaryFor(org.inA.manager.username, {
      from,
      to: today,
      unitId: org.unitB.id,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets the province manager see the whole province, unit B included', async () => {
    const res = await summaryFor(org.provinceManager.username, { from, to: today });
    expect(res.status).toBe(200);
    expect(res.body.jobs.total).toBeGreaterThan(inScope.length);
  });

  it.each(['courier', 'operator', 'dispatcher'] as const)('answers 403 to a %s', async (role) => {
    const res = await summaryFor(org.inA[role].username, { from, to: today });
    expect(res.status).toBe(403);
  });

  it('answers 401 without a session', async () => {
    expect(
      (await request(t.app).get('/api/reports/summary').query({ from, to: today })).status,
    ).toBe(401);
  });

  it('explains a reversed range field by field', async () => {
    const res = await summaryFor(org.inA.manager.username, { from: today, to: from });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain('query.to');
  });
});

describe('job milestones kept by the job engine’s hooks', () => {
  it('record the first time each stage was reached, as the rebuild from job_events does', async () => {
    const { createJobHooks, runJobHooks } =
      await import('../../server/src/modules/jobs/jobs.service');
    const { reportsJobHooks } = await import('../../server/src/modules/reports/job-milestones');
    const hooks = createJobHooks([reportsJobHooks()]);
    const { sql } = await import('drizzle-orm');
    const { queryRows } = await import('../../server/src/db/client');
    const db = t.database.db;
    const citizen = await createCitizen(db);
    const call = await createCall(db, {
      unitId: org.province.id,
      startedAt: new Date(Date.now() - 5 * HOUR),
    });
    const job = await createJob(db, {
      unitId: org.unitA.id,
      citizenId: citizen.id,
      callId: call.id,
      createdAt: new Date(Date.now() - 4 * HOUR),
      courierId: org.inA.courier.id,
    });
    const auth = {
      user: { ...org.inA.dispatcher, unitName: '' },
      unitIds: [org.unitA.id],
      sessionId: 's',
    } as never;
    const base = Date.now();
    const at = (h: number) => new Date(base - h * HOUR);
    const tx = db as never;
    await runJobHooks(hooks, 'created', tx, job, auth);
    await runJobHooks(hooks, 'assigned', tx, { ...job, assignedAt: at(3) }, auth);
    await runJobHooks(hooks, 'assigned', tx, { ...job, assignedAt: at(2.5) }, auth); // a reassignment keeps the first time
    // The dossier collected two hours ago, handed in one hour ago.
    for (const [toStatus, hoursAgo] of [
      ['collected', 2],
      ['submitted', 1],
    ] as const)
      await runJobHooks(
        hooks,
        'transitioned',
        tx,
        job,
        { toStatus, occurredAt: at(hoursAgo) } as never,
        auth,
      );
    const [m] = await queryRows<{
      started_at: Date;
      assigned_at: Date;
      pickup_at: Date;
      handed_at: Date;
    }>(db, sql`select * from job_milestones where job_id = ${job.id}`);
    expect(new Date(m!.started_at).getTime()).toBe(call.startedAt.getTime());
    expect(new Date(m!.assigned_at).getTime()).toBe(at(3).getTime());
    expect(new Date(m!.pickup_at).getTime()).toBe(at(2).getTime());
    expect(new Date(m!.handed_at).getTime()).toBe(at(1).getTime());
  });
});
