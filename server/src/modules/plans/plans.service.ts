import {
  addDays,
  CreatePlanSchema,
  formatVnDate,
  toVnDate,
  vnDateTimeParts,
  vnStartOfDay,
  type CreatePlanInput,
  type Plan,
  type PlansCommittedPayload,
  type UpdatePlanInput,
} from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { type AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { logger } from '../../lib/logger';
import { afterCommit } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import { jobRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { boardClock } from '../jobs/job-board';
import { presentJob } from '../jobs/jobs.presenter';
import { findJobViewById, insertJobEvent, loadWorkingCalendar } from '../jobs/jobs.repository';
import { assignJob } from '../jobs/jobs.service';
import { findUnitSubtreeIds } from '../units/units.repository';
import { assertUnitInScope } from '../units/units.service';
import { validatePlan } from './solver';
import { presentPlan } from './plans.presenter';
import {
  buildProblem,
  PLANNABLE_STATUSES,
  retime,
  solveDay,
  STARTED_STATUSES,
  toPlanCouriers,
  toStoredRoutes,
  toVrpPlan,
  type PlanContext,
  type PlanSettings,
  type StoredRoute,
  type StoredUnassigned,
} from './plans.problem';
import * as repo from './plans.repository';

const PLAN = { vi: 'Lộ trình', en: 'Plan' };
const PLANNER_ROLES = ['dispatcher', 'manager', 'admin'];

/** Defaults when the admin has not set `plan_shift`, `plan_service_minutes`, `plan_courier_capacity`. */
export const DEFAULT_PLAN_SHIFT = { start: '08:00', end: '17:30' };
export const DEFAULT_SERVICE_MINUTES: Record<string, number> = {
  home_assistance: 20,
  result_delivery: 10,
  fee_collection: 10,
};
export const DEFAULT_COURIER_CAPACITY = 25;

const hhmmToSec = (s: unknown, fallback: string): number => {
  const v = typeof s === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(s) ? s : fallback;
  const [h, m] = v.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
};

async function loadSettings(db: Db): Promise<PlanSettings> {
  const shift = ((await repo.readJsonSetting(db, 'plan_shift')) ?? {}) as Record<string, unknown>;
  const minutes = ((await repo.readJsonSetting(db, 'plan_service_minutes')) ?? {}) as Record<
    string,
    unknown
  >;
  const cap = await repo.readJsonSetting(db, 'plan_courier_capacity');
  const serviceSeconds: Record<string, number> = {};
  for (const [type, def] of Object.entries(DEFAULT_SERVICE_MINUTES)) {
    const v = minutes[type];
    serviceSeconds[type] = Math.round((typeof v === 'number' && v >= 0 && v <= 480 ? v : def) * 60);
  }
  return {
    shiftStart: hhmmToSec(shift['start'], DEFAULT_PLAN_SHIFT.start),
    shiftEnd: hhmmToSec(shift['end'], DEFAULT_PLAN_SHIFT.end),
    capacity: typeof cap === 'number' && cap >= 1 ? Math.floor(cap) : DEFAULT_COURIER_CAPACITY,
    serviceSeconds,
  };
}

function assertPlanner(auth: AuthContext): void {
  if (!PLANNER_ROLES.includes(auth.user.role)) {
    throw forbidden({
      vi: 'Chỉ điều phối viên hoặc lãnh đạo mới lập được lộ trình.',
      en: 'Only dispatchers and managers can plan routes.',
    });
  }
}

const fmtTime = (sec: number) =>
  `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`;

/**
 * Proposes a day plan for a unit and the units below it: its open jobs for `date` (see
 * `findCandidateJobs`) and its couriers — those on duty now when planning today, every
 * active courier for another day, or exactly `courierIds`. Routes start at the shift start
 * from the post office; planning today while the shift runs starts now from each courier's
 * last position (if fresh). The search runs on worker threads for `budgetMs`; the proposal
 * is stored so it can be edited and committed by id.
 */
export async function createPlan(
  db: Db,
  auth: AuthContext,
  unitId: string,
  input: CreatePlanInput,
  opts: { osrmUrl?: string | undefined; signal?: AbortSignal; now?: Date } = {},
): Promise<Plan> {
  assertPlanner(auth);
  assertUnitInScope(auth, unitId);
  const { date, budgetMs, courierIds, startTime } = CreatePlanSchema.parse(input);
  const unitIds = await findUnitSubtreeIds(db, unitId);
  if (unitIds.length === 0) throw notFound({ vi: 'Đơn vị', en: 'Unit' });
  const settings = await loadSettings(db);
  const now = opts.now ?? new Date();
  const today = toVnDate(now);
  const dayStart = vnStartOfDay(date);
  const dayEnd = vnStartOfDay(addDays(date, 1));
  const p = vnDateTimeParts(now);
  const nowSec = p.hour * 3600 + p.minute * 60 + p.second;
  const live =
    date === today && !startTime && nowSec >= settings.shiftStart && nowSec < settings.shiftEnd;
  const departAt = startTime
    ? hhmmToSec(startTime, DEFAULT_PLAN_SHIFT.start)
    : live
      ? Math.ceil(nowSec / 60) * 60
      : settings.shiftStart;
  if (departAt >= settings.shiftEnd) {
    throw unprocessable(
      'plan_start_after_shift',
      {
        vi: `Giờ bắt đầu ${fmtTime(departAt)} không sớm hơn giờ hết ca ${fmtTime(settings.shiftEnd)}. Hãy chọn giờ bắt đầu sớm hơn.`,
        en: `The start time ${fmtTime(departAt)} is not before the end of the shift ${fmtTime(settings.shiftEnd)}. Pick an earlier start.`,
      },
      { startTime: { vi: 'Sau giờ hết ca', en: 'After the shift ends' } },
    );
  }

  let courierRows = await repo.findCandidateCouriers(db, unitIds);
  if (courierIds) {
    const wanted = new Set(courierIds);
    const missing = courierIds.filter((id) => !courierRows.some((c) => c.id === id));
    if (missing.length > 0) {
      throw unprocessable(
        'plan_courier_not_in_unit',
        {
          vi: 'Có bưu tá được chọn không thuộc đơn vị này hoặc đã bị khóa. Hãy chọn lại bưu tá.',
          en: 'A selected courier is not in this unit or is disabled. Pick the couriers again.',
        },
        { courierIds: { vi: 'Bưu tá không thuộc đơn vị', en: 'Courier not in the unit' } },
      );
    }
    courierRows = courierRows.filter((c) => wanted.has(c.id));
  } else if (date === today) {
    courierRows = courierRows.filter((c) => c.on_duty);
  }
  const couriers = toPlanCouriers(courierRows, live, now);
  if (couriers.length === 0) {
    throw unprocessable('plan_no_couriers', {
      vi:
        date === today
          ? 'Không có bưu tá nào của đơn vị đang trong ca. Hãy đợi bưu tá bắt đầu ca, hoặc chọn bưu tá cụ thể để lập lộ trình.'
          : 'Đơn vị không có bưu tá nào để lập lộ trình. Hãy kiểm tra danh sách bưu tá của đơn vị.',
      en:
        date === today
          ? 'No courier of this unit is on duty. Wait until couriers start their shift, or pick couriers to plan for.'
          : 'This unit has no courier to plan for. Check the unit’s couriers.',
    });
  }

  const jobRows = await repo.findCandidateJobs(db, {
    unitIds,
    dayStart,
    dayEnd,
    plannable: PLANNABLE_STATUSES,
    started: STARTED_STATUSES,
    includeStarted: date === today,
  });
  const subtreeOf = new Map<string, Set<string>>();
  for (const u of new Set(jobRows.map((j) => j.unitId)))
    subtreeOf.set(u, new Set(await findUnitSubtreeIds(db, u)));

  const built = await buildProblem({
    couriers,
    jobs: jobRows,
    subtreeOf,
    settings,
    departAt,
    dayStartMs: dayStart.getTime(),
    osrmUrl: opts.osrmUrl,
  });
  const { plan, elapsedMs } = await solveDay(built, { budgetMs, signal: opts.signal });
  const check = validatePlan(built.context.problem, plan);
  if (!check.valid)
    logger.error({ violations: check.violations.slice(0, 10) }, 'route plan failed validation');

  const routes = toStoredRoutes(built.context, plan);
  const unassigned: StoredUnassigned[] = [
    ...built.preUnassigned,
    ...plan.unassigned.map((u) => ({ jobId: u.jobId, reason: u.reason })),
  ];
  const row = await repo.insertPlan(db, {
    unitId,
    date,
    status: 'proposed',
    budgetMs,
    solveMs: Math.round(elapsedMs),
    context: built.context,
    routes,
    unassigned,
    jobVersions: Object.fromEntries(jobRows.map((j) => [j.id, j.version])),
    createdBy: auth.user.id,
  });
  logger.info(
    {
      planId: row.id,
      unitId,
      date,
      jobs: jobRows.length,
      couriers: couriers.length,
      solveMs: Math.round(elapsedMs),
    },
    'route plan proposed',
  );
  return presentPlan(row);
}

async function planInScope(db: Db, auth: AuthContext, id: string): Promise<repo.PlanRow> {
  assertPlanner(auth);
  const row = await repo.findPlan(db, id);
  if (!row) throw notFound(PLAN);
  assertUnitInScope(auth, row.unitId);
  return row;
}

export async function getPlan(db: Db, auth: AuthContext, id: string): Promise<Plan> {
  return presentPlan(await planInScope(db, auth, id));
}

function alreadyCommitted(row: repo.PlanRow): AppError {
  return conflict('plan_already_committed', {
    vi: `Lộ trình ngày ${formatVnDate(row.date)} đã được chốt lúc ${row.committedAt ? new Date(row.committedAt).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }) : ''}; không sửa hay chốt lại được. Hãy lập lộ trình mới.`,
    en: `The plan for ${formatVnDate(row.date)} is already committed; it cannot be edited or committed again. Make a new plan.`,
  });
}

/**
 * The dispatcher's own order: each listed courier's stops are replaced by `jobIds` in that
 * order and re-timed; couriers not listed keep theirs. A job left out of every route becomes
 * unassigned (`removed_by_dispatcher`). What the order breaks — a start after the window,
 * the load over capacity, the return after the shift — is flagged per stop, not refused.
 * Refused (422): unknown couriers or jobs, a job twice, a stop already under way moved off the
 * head of its courier's route, a job given to a courier outside its unit.
 */
export async function updatePlanRoutes(
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdatePlanInput,
): Promise<Plan> {
  const row = await planInScope(db, auth, id);
  if (row.status !== 'proposed') throw alreadyCommitted(row);
  const ctx = row.context as PlanContext;
  const current = row.routes as StoredRoute[];
  const inProblem = new Set(ctx.problem.jobs.map((j) => j.id));
  const bad = (code: string, vi: string, en: string) =>
    unprocessable(code, { vi, en }, { routes: { vi, en } });
  const code = (jobId: string) => ctx.jobs[jobId]?.code ?? jobId;
  const seen = new Set<string>();
  for (const r of input.routes) {
    if (!ctx.couriers.some((c) => c.id === r.courierId)) {
      throw bad(
        'plan_courier_unknown',
        'Bưu tá này không có trong lộ trình. Hãy tải lại lộ trình.',
        'This courier is not part of the plan. Reload the plan.',
      );
    }
    for (const jobId of r.jobIds) {
      if (!inProblem.has(jobId)) {
        throw bad(
          'plan_job_unknown',
          `Việc ${code(jobId)} không thể xếp vào lộ trình này (không có trong kế hoạch hoặc chưa có tọa độ).`,
          `Job ${code(jobId)} cannot be placed in this plan (not part of it, or it has no coordinates).`,
        );
      }
      if (seen.has(jobId))
        throw bad(
          'plan_job_twice',
          `Việc ${code(jobId)} xuất hiện hai lần. Mỗi việc chỉ thuộc một lộ trình.`,
          `Job ${code(jobId)} appears twice. Each job belongs to one route.`,
        );
      seen.add(jobId);
      const must = ctx.problem.jobs.find((j) => j.id === jobId)!.mustVehicleId;
      const fixedOwner = Object.entries(ctx.fixed).find(([, ids]) => ids.includes(jobId))?.[0];
      if (!fixedOwner && must && must !== r.courierId && ctx.jobs[jobId]!.status !== 'accepted') {
        throw bad(
          'plan_courier_not_eligible',
          `Việc ${code(jobId)} chỉ giao được cho bưu tá của đơn vị mình.`,
          `Job ${code(jobId)} can only go to a courier of its own unit.`,
        );
      }
      if (ctx.eligible[jobId] && !ctx.eligible[jobId]!.includes(r.courierId)) {
        throw bad(
          'plan_courier_not_eligible',
          `Việc ${code(jobId)} chỉ giao được cho bưu tá của đơn vị mình.`,
          `Job ${code(jobId)} can only go to a courier of its own unit.`,
        );
      }
    }
  }
  const listed = new Map(input.routes.map((r) => [r.courierId, r.jobIds]));
  const next = current.map((r) => (listed.has(r.courierId) ? listed.get(r.courierId)! : r.jobIds));
  // Stops already under way stay first, in their order, with their courier.
  ctx.couriers.forEach((c, i) => {
    const want = ctx.fixed[c.id] ?? [];
    const head = next[i]!.slice(0, want.length);
    const elsewhere = next.some((ids, k) => k !== i && ids.some((x) => want.includes(x)));
    if (elsewhere || want.some((x, k) => head[k] !== x)) {
      throw bad(
        'plan_fixed_stop_moved',
        `Việc đang thực hiện của ${c.fullName} phải giữ nguyên ở đầu lộ trình của bưu tá này.`,
        `Jobs ${c.fullName} has already started must stay at the head of their route.`,
      );
    }
  });
  const routes = ctx.couriers.map((c, i) => retime(ctx, c.id, next[i]!));
  const placed = new Set(routes.flatMap((r) => r.jobIds));
  const was = row.unassigned as StoredUnassigned[];
  const unassigned: StoredUnassigned[] = [
    ...was.filter((u) => !placed.has(u.jobId)),
    ...current
      .flatMap((r) => r.jobIds)
      .filter((j) => !placed.has(j))
      .map((jobId) => ({ jobId, reason: 'removed_by_dispatcher' as const })),
  ];
  await repo.updatePlan(db, row.id, { routes, unassigned });
  return presentPlan({ ...row, routes, unassigned });
}

export type CommitResult = { plan: Plan; replayed: boolean };

/**
 * Commits a plan in one transaction: every planned job goes to its courier through the job
 * engine (`assignJob`, which writes the assignment event and sends `jobs.updated`), gets its
 * stop number (`route_order`, with a `route_planned` event), and the plan is marked committed.
 * Jobs of the plan that ended up in no route lose a stale stop number. After the commit,
 * `plans.committed` goes to the unit and to each courier. Refused with 409 when a job of the
 * plan changed since it was proposed (assigned, moved on, edited) — re-plan then.
 */
export async function commitPlan(
  db: Db,
  auth: AuthContext,
  id: string,
  opts: { idempotencyKey?: string | undefined } = {},
): Promise<CommitResult> {
  const first = await planInScope(db, auth, id);
  const work = async (tx: Tx): Promise<Plan> => {
    const row = await repo.findPlanForUpdate(tx, id);
    if (!row) throw notFound(PLAN);
    if (row.status !== 'proposed') throw alreadyCommitted(row);
    const ctx = row.context as PlanContext;
    const routes = row.routes as StoredRoute[];
    const versions = row.jobVersions as Record<string, number>;
    const planned = routes.flatMap((r) => r.jobIds);
    const inPlan = Object.keys(ctx.jobs);
    const states = await repo.findJobStates(tx, inPlan);
    const changed = states.filter((s) => planned.includes(s.id) && versions[s.id] !== s.version);
    const gone = planned.filter((j) => !states.some((s) => s.id === j));
    if (changed.length > 0 || gone.length > 0) {
      const codes = [...changed.map((s) => s.code), ...gone.map((j) => ctx.jobs[j]?.code ?? j)];
      throw conflict(
        'plan_stale',
        {
          vi: `Lộ trình đã cũ: ${codes.length} việc đã thay đổi sau khi lập (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? '…' : ''}). Hãy lập lại lộ trình rồi chốt.`,
          en: `The plan is out of date: ${codes.length} job(s) changed after it was made (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? '…' : ''}). Plan again, then commit.`,
        },
        { jobCodes: codes },
      );
    }
    const reason = `Lập lộ trình ngày ${formatVnDate(row.date)}`;
    const clock = boardClock(await loadWorkingCalendar(tx));
    const now = new Date();
    for (const r of routes) {
      for (const [i, jobId] of r.jobIds.entries()) {
        const state = states.find((s) => s.id === jobId)!;
        if (state.courierId !== r.courierId)
          await assignJob(db, auth, jobId, { courierId: r.courierId, reason }, { tx });
        await repo.setRouteOrder(tx, jobId, i + 1);
        const ev = await insertJobEvent(tx, {
          jobId,
          kind: 'route_planned',
          actorId: auth.user.id,
          occurredAt: now,
          recordedAt: now,
          data: { planId: row.id, date: row.date, courierId: r.courierId, routeOrder: i + 1 },
        });
        const view = (await findJobViewById(tx, jobId))!;
        const chain = await unitAndAncestors(tx, view.job.unitId);
        const payload = {
          cursor: ev.id,
          kind: 'route_planned',
          job: presentJob(view, clock),
          previousCourierId: null,
        };
        afterCommit(tx, () =>
          publish({ rooms: jobRooms(chain, [r.courierId]), event: 'jobs.updated', payload }),
        );
      }
    }
    for (const s of states) {
      if (!planned.includes(s.id) && s.routeOrder !== null && s.courierId)
        await repo.setRouteOrder(tx, s.id, null);
    }
    const committedAt = new Date();
    await repo.updatePlan(tx, row.id, {
      status: 'committed',
      committedAt,
      committedBy: auth.user.id,
    });
    const used = routes
      .filter((r) => r.jobIds.length > 0)
      .map((r) => ({ courierId: r.courierId, jobIds: r.jobIds }));
    const base = { planId: row.id, unitId: row.unitId, date: row.date };
    // Office staff of the unit and above see every route; each courier only their own.
    const chain = await unitAndAncestors(tx, row.unitId);
    afterCommit(tx, () => {
      publish({
        rooms: chain.flatMap((u) => PLANNER_ROLES.map((role) => rooms.unitRole(u, role))),
        event: 'plans.committed',
        payload: { ...base, routes: used } satisfies PlansCommittedPayload,
      });
      for (const r of used)
        publish({
          rooms: [rooms.user(r.courierId)],
          event: 'plans.committed',
          payload: { ...base, routes: [r] } satisfies PlansCommittedPayload,
        });
    });
    return presentPlan({ ...row, status: 'committed', committedAt, committedBy: auth.user.id });
  };
  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `plan-commit:${first.id}`,
      request: { planId: first.id },
    },
    work,
  );
  return { plan: r.body, replayed: r.replayed };
}

/** The stored plan as the validator sees it (tests and diagnostics). */
export function storedPlanForValidation(row: repo.PlanRow) {
  const ctx = row.context as PlanContext;
  return {
    problem: ctx.problem,
    plan: toVrpPlan(
      row.routes as StoredRoute[],
      row.unassigned as StoredUnassigned[],
      new Set(ctx.problem.jobs.map((j) => j.id)),
    ),
  };
}
