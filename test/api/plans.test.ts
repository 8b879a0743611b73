import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, Plan, PlanRoute } from '@tannha/shared';
import { jobs, plans } from '../../server/src/db/schema';
import { storedPlanForValidation } from '../../server/src/modules/plans/plans.service';
import { validatePlan } from '../../server/src/solver';
import { loginAs, type TestApp } from '../support/app';
import { buildAppWith, type Agent } from '../support/org-app';
import { TEST_PASSWORD } from '../support/factories';
import { createPlanDayFixture, createPlanJob } from '../support/plans-factories';
import {
  collect,
  connectAs,
  eventually,
  listenWithRealtime,
  sessionCookie,
} from '../support/realtime-client';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPlanDayFixture>>;
let dispatcher: Agent;

beforeAll(async () => {
  ({
    t,
    f,
    agents: { dispatcher },
  } = await buildAppWith(createPlanDayFixture, (fx) => ({ dispatcher: fx.inA.dispatcher })));
});
afterAll(async () => t?.close());

async function propose(body: Record<string, unknown> = {}): Promise<Plan> {
  const res = await dispatcher
    .post(`/api/units/${f.unitA.id}/plans`)
    .send({ date: f.date, budgetMs: 300, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Plan;
}

const planned = (p: Plan) => p.routes.flatMap((r) => r.stops.map((s) => s.jobId));
const minutes = (iso: string) => {
  const d = new Date(iso);
  const local = new Date(d.getTime() + 7 * 3600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

describe('POST /api/units/:id/plans', () => {
  it('proposes a valid plan for the day: every reachable visit in some courier’s route, inside its window and the shift', async () => {
    const plan = await propose();
    expect(plan.status).toBe('proposed');
    expect(plan.date).toBe(f.date);
    expect(plan.routes.map((r) => r.courierId).sort()).toEqual(f.couriers.map((c) => c.id).sort());
    expect(planned(plan).sort()).toEqual(f.visits.map((v) => v.id).sort());
    expect(plan.totals.stops).toBe(15);
    expect(plan.totals.couriers).toBeGreaterThanOrEqual(2);

    const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.jobId, u.reason]));
    expect(reasons).toEqual({
      [f.noPlace.id]: 'no_location',
      [f.tooEarly.id]: 'time_window_unreachable',
    });
    expect(planned(plan)).not.toContain(f.otherUnit.id);
    expect(planned(plan)).not.toContain(f.otherDay.id);

    for (const r of plan.routes) {
      expect(minutes(r.departAt)).toBe(8 * 60);
      if (r.stops.length > 0) expect(minutes(r.endAt)).toBeLessThanOrEqual(17 * 60 + 30);
      expect(r.load).toBe(r.stops.length);
      for (const s of r.stops) {
        expect(s.violations).toEqual([]);
        if (s.windowStart) {
          expect(Date.parse(s.start)).toBeGreaterThanOrEqual(Date.parse(s.windowStart));
          expect(Date.parse(s.start)).toBeLessThanOrEqual(Date.parse(s.windowEnd!));
        }
      }
      for (let i = 1; i < r.stops.length; i++)
        expect(Date.parse(r.stops[i]!.arrival)).toBeGreaterThanOrEqual(
          Date.parse(r.stops[i - 1]!.departure),
        );
    }
    // The independent validator on what the server stored.
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    const stored = storedPlanForValidation(row!);
    expect(validatePlan(stored.problem, stored.plan)).toEqual({ valid: true, violations: [] });
  });

  it('checks role and unit, and explains bad input', async () => {
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect((await other.post(`/api/units/${f.unitA.id}/plans`).send({ date: f.date })).status).toBe(
      403,
    );
    const courier = await loginAs(t.app, f.couriers[0]!.username, TEST_PASSWORD);
    expect(
      (await courier.post(`/api/units/${f.unitA.id}/plans`).send({ date: f.date })).status,
    ).toBe(403);
    const operator = await loginAs(t.app, f.inA.operator.username, TEST_PASSWORD);
    expect(
      (await operator.post(`/api/units/${f.unitA.id}/plans`).send({ date: f.date })).status,
    ).toBe(403);

    const bad = await dispatcher
      .post(`/api/units/${f.unitA.id}/plans`)
      .send({ date: '22/11/2026', budgetMs: 60_000 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['budgetMs', 'date']);

    const late = await dispatcher
      .post(`/api/units/${f.unitA.id}/plans`)
      .send({ date: f.date, startTime: '18:00' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('plan_start_after_shift');
    expect(late.body.error.message).toContain('18:00');
  });

  it('plans only the couriers asked for, and a later start leaves out the morning windows', async () => {
    const [c1, c2] = f.couriers;
    const plan = await propose({ courierIds: [c1!.id, c2!.id], startTime: '10:30' });
    expect(plan.routes.map((r) => r.courierId).sort()).toEqual([c1!.id, c2!.id].sort());
    const early = f.visits.filter(
      (v) => v.windowEnd && minutes(v.windowEnd.toISOString()) <= 10 * 60,
    );
    expect(early.length).toBeGreaterThan(0);
    for (const v of early)
      expect(plan.unassigned.find((u) => u.jobId === v.id)?.reason).toBe('time_window_unreachable');
    for (const r of plan.routes) expect(minutes(r.departAt)).toBe(10 * 60 + 30);
  });
});

describe('PATCH /api/plans/:id', () => {
  it('re-times a hand-made order and flags the stop whose window it breaks, before anything is committed', async () => {
    const plan = await propose();
    const morning = f.visits.find(
      (v) => v.windowEnd && minutes(v.windowEnd.toISOString()) === 10 * 60,
    )!;
    const longest = [...plan.routes].sort((a, b) => b.stops.length - a.stops.length)[0]!;
    const order = [
      ...longest.stops.map((s) => s.jobId).filter((id) => id !== morning.id),
      morning.id,
    ];
    const routes = plan.routes.map((r) => ({
      courierId: r.courierId,
      jobIds:
        r.courierId === longest.courierId
          ? order
          : r.stops.map((s) => s.jobId).filter((id) => id !== morning.id),
    }));
    const res = await dispatcher.patch(`/api/plans/${plan.id}`).send({ routes });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const edited = res.body as Plan;
    const route = edited.routes.find((r) => r.courierId === longest.courierId)!;
    const last = route.stops.at(-1)!;
    expect(last.jobId).toBe(morning.id);
    expect(last.violations).toContain('late');
    expect(Date.parse(last.start)).toBeGreaterThan(Date.parse(last.windowEnd!));
    expect(edited.totals.violations).toBeGreaterThanOrEqual(1);
    // Flagged, not committed: the job is still unassigned.
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.id, morning.id));
    expect(job!.courierId).toBeNull();
    // The edit is kept with the plan.
    const again = (await dispatcher.get(`/api/plans/${plan.id}`)).body as Plan;
    expect(
      again.routes.find((r) => r.courierId === longest.courierId)!.stops.at(-1)!.violations,
    ).toContain('late');

    // Taking a stop out of every route lists it as removed by the dispatcher.
    const dropped = routes.map((r) =>
      r.courierId === longest.courierId ? { ...r, jobIds: r.jobIds.slice(0, -1) } : r,
    );
    const res2 = await dispatcher.patch(`/api/plans/${plan.id}`).send({ routes: dropped });
    expect((res2.body as Plan).unassigned.find((u) => u.jobId === morning.id)?.reason).toBe(
      'removed_by_dispatcher',
    );
  });

  it('refuses a job twice, a job from outside the plan and a job of another unit', async () => {
    const plan = await propose();
    const [a, b] = plan.routes as [PlanRoute, PlanRoute];
    const id = planned(plan)[0]!;
    const twice = await dispatcher.patch(`/api/plans/${plan.id}`).send({
      routes: [
        { courierId: a.courierId, jobIds: [id] },
        { courierId: b.courierId, jobIds: [id] },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('plan_job_twice');
    const outside = await dispatcher
      .patch(`/api/plans/${plan.id}`)
      .send({ routes: [{ courierId: a.courierId, jobIds: [f.otherUnit.id] }] });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('plan_job_unknown');
    const other = await loginAs(t.app, f.dispatcherB.username, TEST_PASSWORD);
    expect(
      (
        await other
          .patch(`/api/plans/${plan.id}`)
          .send({ routes: [{ courierId: a.courierId, jobIds: [] }] })
      ).status,
    ).toBe(403);
  });
});

describe('POST /api/plans/:id/commit', () => {
  it('assigns every planned job to its courier in stop order in one go, tells the unit and each courier, and replays a retry', async () => {
    const live = await listenWithRealtime(t);
    try {
      const plan = await propose();
      const disp = await connectAs(
        live.url,
        await sessionCookie(t, f.inA.dispatcher.username, TEST_PASSWORD),
      );
      const courierSockets = await Promise.all(
        f.couriers.map(async (c) =>
          connectAs(live.url, await sessionCookie(t, c.username, TEST_PASSWORD)),
        ),
      );
      const dispPlans = collect(disp.socket, 'plans.committed');
      const dispJobs = collect(disp.socket, 'jobs.updated');
      const courierPlans = courierSockets.map((s) => collect(s.socket, 'plans.committed'));
      const courierJobs = courierSockets.map((s) => collect(s.socket, 'jobs.updated'));

      const res = await dispatcher
        .post(`/api/plans/${plan.id}/commit`)
        .set('Idempotency-Key', `commit-${plan.id}`)
        .send({});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((res.body as Plan).status).toBe('committed');

      for (const r of plan.routes) {
        for (const [i, s] of r.stops.entries()) {
          const job = (await dispatcher.get(`/api/jobs/${s.jobId}`)).body as Job;
          expect(job.courier?.id).toBe(r.courierId);
          expect(job.status).toBe('assigned');
          expect(job.routeOrder).toBe(i + 1);
        }
      }
      // The courier sees their list in the planned order.
      const c1 = await loginAs(t.app, f.couriers[0]!.username, TEST_PASSWORD);
      const mine = (
        (await c1.get('/api/jobs').query({ open: true, pageSize: 200 })).body as { items: Job[] }
      ).items
        .filter((j) => j.routeOrder !== null)
        .sort((x, y) => x.routeOrder! - y.routeOrder!)
        .map((j) => j.id);
      expect(mine).toEqual(
        plan.routes.find((r) => r.courierId === f.couriers[0]!.id)!.stops.map((s) => s.jobId),
      );

      const used = plan.routes.filter((r) => r.stops.length > 0);
      await eventually(
        () =>
          dispPlans.length === 1 &&
          used.every(
            (r) => courierPlans[f.couriers.findIndex((c) => c.id === r.courierId)]!.length === 1,
          ),
      );
      expect(dispPlans[0]!.planId).toBe(plan.id);
      expect(dispPlans[0]!.routes).toEqual(
        used.map((r) => ({ courierId: r.courierId, jobIds: r.stops.map((s) => s.jobId) })),
      );
      for (const r of used) {
        const k = f.couriers.findIndex((c) => c.id === r.courierId);
        expect(courierPlans[k]![0]!.routes).toEqual([
          { courierId: r.courierId, jobIds: r.stops.map((s) => s.jobId) },
        ]);
        // Each courier hears about their own jobs, last with their stop number.
        await eventually(() =>
          r.stops.every((s) =>
            courierJobs[k]!.some((p) => p.job.id === s.jobId && p.kind === 'route_planned'),
          ),
        );
        const lastOf = (id: string) => courierJobs[k]!.filter((p) => p.job.id === id).at(-1)!;
        r.stops.forEach((s, i) => expect(lastOf(s.jobId).job.routeOrder).toBe(i + 1));
        expect(courierJobs[k]!.every((p) => p.job.courier?.id === r.courierId)).toBe(true);
      }
      await eventually(
        () => dispJobs.filter((p) => p.kind === 'assign').length === plan.totals.stops,
      );

      const replay = await dispatcher
        .post(`/api/plans/${plan.id}/commit`)
        .set('Idempotency-Key', `commit-${plan.id}`)
        .send({});
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      const again = await dispatcher.post(`/api/plans/${plan.id}/commit`).send({});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('plan_already_committed');
      for (const s of [disp, ...courierSockets]) s.socket.disconnect();
    } finally {
      await live.close();
    }
  });

  it('refuses a plan whose jobs changed since, and writes nothing', async () => {
    const d2 = addDaysIso(f.date, 14);
    const a = await createPlanJob(t.database.db, {
      unitId: f.unitA.id,
      citizenId: f.citizen.id,
      procedureId: f.procedure.id,
      lat: 10.96,
      lng: 106.83,
      window: [d2, 9, 11],
    });
    const b = await createPlanJob(t.database.db, {
      unitId: f.unitA.id,
      citizenId: f.citizen.id,
      procedureId: f.procedure.id,
      lat: 10.94,
      lng: 106.81,
      window: [d2, 13, 15],
    });
    const plan = await propose({ date: d2 });
    expect(planned(plan)).toEqual(expect.arrayContaining([a.id, b.id]));
    const courierOfA = plan.routes.find((r) => r.stops.some((s) => s.jobId === a.id))!.courierId;
    const someoneElse = f.couriers.find((c) => c.id !== courierOfA)!;
    expect(
      (await dispatcher.post(`/api/jobs/${a.id}/assign`).send({ courierId: someoneElse.id }))
        .status,
    ).toBe(200);

    const res = await dispatcher.post(`/api/plans/${plan.id}/commit`).send({});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('plan_stale');
    expect(res.body.error.message).toContain(a.code);
    const [jobB] = await t.database.db.select().from(jobs).where(eq(jobs.id, b.id));
    expect(jobB!.courierId).toBeNull();
    expect(jobB!.routeOrder).toBeNull();
    expect((await dispatcher.get(`/api/plans/${plan.id}`)).body.status).toBe('proposed');
  });

  it('keeps a visit already under way with its courier at the head of the route', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const [c1, c2] = f.couriers;
    const onSite = await createPlanJob(t.database.db, {
      unitId: f.unitA.id,
      citizenId: f.citizen.id,
      procedureId: f.procedure.id,
      lat: 10.99,
      lng: 106.86,
      status: 'on_site',
      courierId: c2!.id,
    });
    const wait = await createPlanJob(t.database.db, {
      unitId: f.unitA.id,
      citizenId: f.citizen.id,
      procedureId: f.procedure.id,
      lat: 10.951,
      lng: 106.821,
      window: [today, 8, 17],
    });
    const plan = await propose({ date: today, courierIds: [c1!.id, c2!.id], startTime: '08:00' });
    const r2 = plan.routes.find((r) => r.courierId === c2!.id)!;
    expect(r2.stops[0]).toMatchObject({ jobId: onSite.id, fixed: true });
    expect(planned(plan)).toContain(wait.id);
    // Moving it away is refused.
    const r1 = plan.routes.find((r) => r.courierId === c1!.id)!;
    const moved = await dispatcher.patch(`/api/plans/${plan.id}`).send({
      routes: [
        { courierId: c1!.id, jobIds: [onSite.id, ...r1.stops.map((s) => s.jobId)] },
        { courierId: c2!.id, jobIds: r2.stops.slice(1).map((s) => s.jobId) },
      ],
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('plan_fixed_stop_moved');
  });
});

function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
