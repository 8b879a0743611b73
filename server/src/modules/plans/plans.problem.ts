/**
 * Turns a unit's day (couriers, open jobs, settings) into solver problems, and solver plans
 * back into stored routes. No database and no HTTP here: the service loads the rows and
 * passes them in, which keeps the translation testable on its own.
 */
import type { PlanUnassignedReason, PlanViolation } from '@tannha/shared';
import { buildMatrix, type LatLng, type MatrixCache } from './distance/distance-matrix';
import type { VrpJob, VrpProblem, VrpStop, VrpVehicle } from '../../solver';
import type { CandidateCourierRow, CandidateJobRow } from './plans.repository';

/** Not yet visited: the planner may give them to any eligible courier. */
export const PLANNABLE_STATUSES = ['new', 'assigned', 'accepted'] as const;
/** Under way: they keep their courier and head the route, in this order. */
export const STARTED_STATUSES = ['on_site', 'en_route', 'picked_up'] as const;

export type PlanSettings = {
  /** Seconds since local midnight. */
  shiftStart: number;
  shiftEnd: number;
  capacity: number;
  /** Seconds of service per job type. */
  serviceSeconds: Record<string, number>;
};

export type PlanCourier = {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string;
  start: LatLng;
  end: LatLng;
  /** Whether the route starts at the courier's last position (live re-plan) rather than the post office. */
  fromLastPosition: boolean;
};

/** What the plan keeps of a job (its window as ISO instants, jsonb-friendly). */
export type PlanJobInfo = Pick<
  CandidateJobRow,
  'code' | 'type' | 'status' | 'unitId' | 'courierId' | 'addressText' | 'lat' | 'lng'
> & { windowStart: string | null; windowEnd: string | null };

/** What the plan row keeps beside its routes (jsonb `context`). */
export type PlanContext = {
  problem: VrpProblem;
  /** Local midnight of the planned date, ms since the epoch: solver times are seconds after it. */
  dayStartMs: number;
  distanceSource: string;
  couriers: PlanCourier[];
  jobs: Record<string, PlanJobInfo>;
  /** Stops already under way, per courier, in the order they must stay. */
  fixed: Record<string, string[]>;
  /** Couriers each job may go to, when not every courier of the plan may take it. */
  eligible: Record<string, string[]>;
};

export type StoredRoute = {
  courierId: string;
  jobIds: string[];
  stops: VrpStop[];
  distance: number;
  load: number;
  end: number;
  violations: { jobId: string; kind: PlanViolation }[];
};
export type StoredUnassigned = { jobId: string; reason: PlanUnassignedReason };

const DAY = 86_400;
/** Travel time between couriers who cannot share jobs (units apart): more than any day. */
const UNREACHABLE = 1_000 * DAY;
/** A last position older than this is not a good start; the post office is used instead. */
const FRESH_POSITION_MS = 60 * 60_000;

/** Couriers of the plan with their start and end places; those with no place at all are left out. */
export function toPlanCouriers(
  rows: CandidateCourierRow[],
  live: boolean,
  now: Date,
): PlanCourier[] {
  const out: PlanCourier[] = [];
  for (const r of rows) {
    const office =
      r.office_lat !== null && r.office_lng !== null
        ? { lat: Number(r.office_lat), lng: Number(r.office_lng) }
        : null;
    const lastAt = r.last_at ? new Date(r.last_at).getTime() : null;
    const fresh =
      live &&
      r.on_duty &&
      r.last_lat !== null &&
      r.last_lng !== null &&
      lastAt !== null &&
      now.getTime() - lastAt <= FRESH_POSITION_MS;
    const start = fresh ? { lat: Number(r.last_lat), lng: Number(r.last_lng) } : office;
    const end = office ?? start;
    if (!start || !end) continue;
    out.push({
      id: r.id,
      fullName: r.full_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      start,
      end,
      fromLastPosition: Boolean(fresh),
    });
  }
  return out;
}

export type BuiltProblem = {
  context: PlanContext;
  /** Stops already under way, per courier (the solver keeps them at the head). */
  fixedPrefix: Record<string, string[]>;
  /** Jobs the planner leaves out before solving, with why. */
  preUnassigned: StoredUnassigned[];
};

const startedRank = (s: string) => (STARTED_STATUSES as readonly string[]).indexOf(s);

/** Stops already under way, per courier, in the order they must stay (furthest along first). */
function fixedStops(rows: CandidateJobRow[]): Record<string, string[]> {
  const fixed: Record<string, string[]> = {};
  rows
    .sort(
      (a, b) =>
        startedRank(a.status) - startedRank(b.status) ||
        (a.windowStart?.getTime() ?? Infinity) - (b.windowStart?.getTime() ?? Infinity) ||
        a.code.localeCompare(b.code),
    )
    .forEach((j) => (fixed[j.courierId!] ??= []).push(j.id));
  return fixed;
}

/** What the plan keeps of a job to show it later. */
function jobInfo(j: CandidateJobRow): PlanJobInfo {
  return {
    code: j.code,
    type: j.type,
    status: j.status,
    unitId: j.unitId,
    courierId: j.courierId,
    addressText: j.addressText,
    lat: j.lat,
    lng: j.lng,
    windowStart: j.windowStart?.toISOString() ?? null,
    windowEnd: j.windowEnd?.toISOString() ?? null,
  };
}

/**
 * Couriers who can share jobs belong together (union–find over each job's eligible
 * couriers); returns the group of every point (vehicle starts and ends, job places).
 */
function courierGroups(
  couriers: PlanCourier[],
  vehicles: VrpVehicle[],
  vrpJobs: VrpJob[],
  eligible: Record<string, string[]>,
  pointCount: number,
): string[] {
  const parent = new Map(couriers.map((c) => [c.id, c.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const jobCouriers = (j: VrpJob) =>
    j.mustVehicleId ? [j.mustVehicleId] : (eligible[j.id] ?? couriers.map((c) => c.id));
  for (const j of vrpJobs) {
    const cs = jobCouriers(j);
    for (const c of cs.slice(1)) parent.set(find(c), find(cs[0]!));
  }
  const groupOf = new Array<string>(pointCount);
  vehicles.forEach((v) => (groupOf[v.startIndex] = groupOf[v.endIndex] = find(v.id)));
  for (const j of vrpJobs) groupOf[j.index] = find(jobCouriers(j)[0]!);
  return groupOf;
}

/** A job's window in solver seconds: started jobs are already on their way (window relaxed). */
function windowOf(j: CandidateJobRow, started: boolean, sec: (d: Date) => number) {
  const earliest = started ? 0 : j.windowStart ? Math.max(0, sec(j.windowStart)) : 0;
  const latest = started
    ? 2 * DAY
    : j.windowEnd
      ? sec(j.windowEnd)
      : j.windowStart
        ? sec(j.windowStart)
        : DAY;
  return { earliest, latest };
}

/**
 * The solver's input for a day. Times are seconds after local midnight; a job's window is
 * its arrival window (`latest` = window end); a job without a window fits anywhere in the
 * shift. Started jobs are pinned to their courier, at the head, with their window relaxed
 * (the courier is already on the way). Jobs may only go to couriers of their unit or a unit
 * below it (`subtreeOf`), as assignment requires: couriers who can share jobs form a group,
 * and groups are kept apart in the time matrix; a job open to only one courier is pinned to them.
 */
export async function buildProblem(opts: {
  couriers: PlanCourier[];
  jobs: CandidateJobRow[];
  subtreeOf: Map<string, Set<string>>;
  settings: PlanSettings;
  departAt: number;
  dayStartMs: number;
  osrmUrl?: string | undefined;
  matrixCache?: MatrixCache | undefined;
}): Promise<BuiltProblem> {
  const { couriers, settings, departAt, dayStartMs } = opts;
  const courierIds = new Set(couriers.map((c) => c.id));
  const points: LatLng[] = [];
  const vehicles: VrpVehicle[] = couriers.map((c) => {
    points.push(c.start, c.end);
    return {
      id: c.id,
      startIndex: points.length - 2,
      endIndex: points.length - 1,
      shiftStart: departAt,
      shiftEnd: settings.shiftEnd,
      capacity: settings.capacity,
    };
  });
  const info: Record<string, PlanJobInfo> = {};
  const vrpJobs: VrpJob[] = [];
  const preUnassigned: StoredUnassigned[] = [];
  const eligible: Record<string, string[]> = {};
  const fixedRows: CandidateJobRow[] = [];
  const sec = (d: Date) => Math.round((d.getTime() - dayStartMs) / 1000);
  const unitCouriers = (unitId: string) => {
    const subtree = opts.subtreeOf.get(unitId) ?? new Set<string>();
    return couriers.filter((c) => subtree.has(c.unitId)).map((c) => c.id);
  };

  for (const j of opts.jobs) {
    info[j.id] = jobInfo(j);
    if (j.lat === null || j.lng === null) {
      preUnassigned.push({ jobId: j.id, reason: 'no_location' });
      continue;
    }
    const started = startedRank(j.status) >= 0;
    let must: string | null = null;
    if (started) {
      if (!j.courierId || !courierIds.has(j.courierId)) {
        preUnassigned.push({ jobId: j.id, reason: 'courier_off_duty' });
        continue;
      }
      must = j.courierId;
      fixedRows.push(j);
    } else if (j.status === 'accepted' && j.courierId && courierIds.has(j.courierId)) {
      // The courier has said yes: keep it with them, in whatever order fits best. The
      // dispatcher may still move it, but only to a courier of its unit.
      must = j.courierId;
      const ok = unitCouriers(j.unitId);
      if (ok.length < couriers.length) eligible[j.id] = ok;
    } else {
      const ok = unitCouriers(j.unitId);
      if (ok.length === 0) {
        preUnassigned.push({ jobId: j.id, reason: 'no_eligible_vehicle' });
        continue;
      }
      if (ok.length === 1) must = ok[0]!;
      else if (ok.length < couriers.length) eligible[j.id] = ok;
    }
    points.push({ lat: j.lat, lng: j.lng });
    vrpJobs.push({
      id: j.id,
      index: points.length - 1,
      ...windowOf(j, started, sec),
      serviceTime: settings.serviceSeconds[j.type] ?? 15 * 60,
      size: 1,
      mustVehicleId: must,
    });
  }

  const fixed = fixedStops(fixedRows);

  const groupOf = courierGroups(couriers, vehicles, vrpJobs, eligible, points.length);

  const matrix = await buildMatrix(points, { osrmUrl: opts.osrmUrl, cache: opts.matrixCache });
  // Groups never share a stop: travel between them takes longer than any day, so one search
  // (one worker thread) plans every group at once and no courier gets a job of another unit.
  const time = matrix.time.map((row, a) =>
    row.map((t, b) => (groupOf[a] === groupOf[b] ? t : UNREACHABLE)),
  );
  const problem: VrpProblem = { vehicles, jobs: vrpJobs, distance: matrix.distance, time };

  return {
    context: {
      problem,
      dayStartMs,
      distanceSource: matrix.source,
      couriers,
      jobs: info,
      fixed,
      eligible,
    },
    fixedPrefix: fixed,
    preUnassigned,
  };
}

/**
 * The plan's couriers a job may be moved to (the rule `updatePlanRoutes` enforces): none
 * when the job is not part of the problem (no position, or no courier of its unit); its
 * one courier when it must stay with them (under way, or the only courier of its unit);
 * else the couriers of its unit and the units below (all of the plan's when `eligible`
 * leaves it open). An accepted job may still change hands, within its unit.
 */
export function couriersForJob(ctx: PlanContext, jobId: string): string[] {
  const job = ctx.problem.jobs.find((j) => j.id === jobId);
  if (!job) return [];
  if (job.mustVehicleId && ctx.jobs[jobId]?.status !== 'accepted') return [job.mustVehicleId];
  return ctx.eligible[jobId] ?? ctx.couriers.map((c) => c.id);
}
