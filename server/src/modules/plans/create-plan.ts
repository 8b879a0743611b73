import {
  addDays,
  CreatePlanSchema,
  toVnDate,
  vnDateTimeParts,
  vnStartOfDay,
  type CreatePlanInput,
  type Plan,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { logger } from '../../lib/logger';
import { assertCan } from '../../policies';
import { validatePlan } from '../../solver';
import { findUnitSubtreeIds } from '../units/units.service';
import type { MatrixCache } from './distance/distance-matrix';
import { DEFAULT_PLAN_SHIFT, fmtTime, hhmmToSec, loadPlanSettings } from './plan-settings';
import { presentPlan } from './plans.presenter';
import {
  buildProblem,
  PLANNABLE_STATUSES,
  STARTED_STATUSES,
  toPlanCouriers,
  type PlanCourier,
  type PlanSettings,
  type StoredUnassigned,
} from './plans.problem';
import { solveDay, toStoredRoutes } from './plans.solution';
import * as repo from './plans.repository';

export type CreatePlanOptions = {
  osrmUrl?: string | undefined;
  matrixCache?: MatrixCache | undefined;
  signal?: AbortSignal;
  now?: Date;
};

/** When the routes start (seconds after local midnight) and whether the plan starts from where couriers are now. */
function departure(
  settings: PlanSettings,
  date: string,
  startTime: string | undefined,
  now: Date,
): { departAt: number; live: boolean } {
  const p = vnDateTimeParts(now);
  const nowSec = p.hour * 3600 + p.minute * 60 + p.second;
  const live =
    date === toVnDate(now) &&
    !startTime &&
    nowSec >= settings.shiftStart &&
    nowSec < settings.shiftEnd;
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
  return { departAt, live };
}

/** The couriers to plan for: exactly `courierIds`, those on duty when planning today, else every active courier. */
async function planCouriers(
  db: Db,
  unitIds: string[],
  opts: { courierIds: string[] | undefined; today: boolean; live: boolean; now: Date },
): Promise<PlanCourier[]> {
  let rows = await repo.findCandidateCouriers(db, unitIds);
  const { courierIds, today } = opts;
  if (courierIds) {
    const wanted = new Set(courierIds);
    if (courierIds.some((id) => !rows.some((c) => c.id === id))) {
      throw unprocessable(
        'plan_courier_not_in_unit',
        {
          vi: 'Có bưu tá được chọn không thuộc đơn vị này hoặc đã bị khóa. Hãy chọn lại bưu tá.',
          en: 'A selected courier is not in this unit or is disabled. Pick the couriers again.',
        },
        { courierIds: { vi: 'Bưu tá không thuộc đơn vị', en: 'Courier not in the unit' } },
      );
    }
    rows = rows.filter((c) => wanted.has(c.id));
  } else if (today) {
    rows = rows.filter((c) => c.on_duty);
  }
  const couriers = toPlanCouriers(rows, opts.live, opts.now);
  if (couriers.length === 0) {
    throw unprocessable('plan_no_couriers', {
      vi: today
        ? 'Không có bưu tá nào của đơn vị đang trong ca. Hãy đợi bưu tá bắt đầu ca, hoặc chọn bưu tá cụ thể để lập lộ trình.'
        : 'Đơn vị không có bưu tá nào để lập lộ trình. Hãy kiểm tra danh sách bưu tá của đơn vị.',
      en: today
        ? 'No courier of this unit is on duty. Wait until couriers start their shift, or pick couriers to plan for.'
        : 'This unit has no courier to plan for. Check the unit’s couriers.',
    });
  }
  return couriers;
}

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
  opts: CreatePlanOptions = {},
): Promise<Plan> {
  assertCan(auth, 'plans.create', { unitId });
  const { date, budgetMs, courierIds, startTime } = CreatePlanSchema.parse(input);
  const unitIds = await findUnitSubtreeIds(db, unitId);
  if (unitIds.length === 0) throw notFound({ vi: 'Đơn vị', en: 'Unit' });
  const settings = await loadPlanSettings(db);
  const now = opts.now ?? new Date();
  const today = date === toVnDate(now);
  const dayStart = vnStartOfDay(date);
  const { departAt, live } = departure(settings, date, startTime, now);
  const couriers = await planCouriers(db, unitIds, { courierIds, today, live, now });

  const jobRows = await repo.findCandidateJobs(db, {
    unitIds,
    dayStart,
    dayEnd: vnStartOfDay(addDays(date, 1)),
    plannable: PLANNABLE_STATUSES,
    started: STARTED_STATUSES,
    includeStarted: today,
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
    matrixCache: opts.matrixCache,
  });
  const { plan, elapsedMs } = await solveDay(built, { budgetMs, signal: opts.signal });
  const check = validatePlan(built.context.problem, plan);
  if (!check.valid)
    logger.error({ violations: check.violations.slice(0, 10) }, 'route plan failed validation');

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
    routes: toStoredRoutes(built.context, plan),
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
