import { z } from 'zod';

import { CourierRefShape, LatLngSchema, StoredWindowShape, localDate, localTime } from './fields';

/**
 * Route planning (`/api/units/:id/plans`, `/api/plans/:id`): a proposed day plan — which
 * courier visits which job, in what order, at what time — that the dispatcher can edit and
 * then commit.
 */

const LocalDate = localDate('Ngày phải theo dạng YYYY-MM-DD');

/** Longest search a request may ask for, ms. */
export const PLAN_MAX_BUDGET_MS = 10_000;
/** Search time when the request does not say, ms. */
export const PLAN_DEFAULT_BUDGET_MS = 2_000;

/** `POST /api/units/:id/plans`. */
export const CreatePlanSchema = z.object({
  /** Local date (Asia/Ho_Chi_Minh) to plan. */
  date: LocalDate,
  budgetMs: z
    .number()
    .int({ error: 'Thời gian tìm phải là số nguyên mili giây' })
    .min(100, { error: 'Thời gian tìm tối thiểu 100 ms' })
    .max(PLAN_MAX_BUDGET_MS, { error: 'Thời gian tìm tối đa 10 000 ms' })
    .default(PLAN_DEFAULT_BUDGET_MS),
  /** Only these couriers (on duty, of the unit); default every on-duty courier of the unit. */
  courierIds: z.array(z.uuid()).min(1, { error: 'Chọn ít nhất một bưu tá' }).max(500).optional(),
  /**
   * Local time the routes start (HH:mm). Default: the shift start, or now when planning
   * today while the shift is running.
   */
  startTime: localTime('08:00').optional(),
});
export type CreatePlanInput = z.input<typeof CreatePlanSchema>;

/** `PATCH /api/plans/:id`: the dispatcher's own order; every courier of the plan may be listed. */
export const UpdatePlanSchema = z.object({
  routes: z
    .array(z.object({ courierId: z.uuid(), jobIds: z.array(z.uuid()).max(500) }))
    .min(1, { error: 'Cần ít nhất một lộ trình' })
    .max(500),
});
export type UpdatePlanInput = z.infer<typeof UpdatePlanSchema>;

/** What an edited order breaks at a stop (flagged, not refused). */
export const PLAN_VIOLATIONS = ['late', 'capacity', 'shift'] as const;
export type PlanViolation = (typeof PLAN_VIOLATIONS)[number];

/**
 * Why a job is not in any route: the solver's reasons, plus the planner's own
 * (`no_location`: the job has no coordinates; `courier_off_duty`: a started job whose courier
 * is not in the plan).
 */
export const PLAN_UNASSIGNED_REASONS = [
  'time_window_unreachable',
  'over_capacity',
  'no_eligible_vehicle',
  'no_room',
  'no_location',
  'courier_off_duty',
  'removed_by_dispatcher',
] as const;
export type PlanUnassignedReason = (typeof PLAN_UNASSIGNED_REASONS)[number];

/** A job as the plan shows it, in a route or left out of every route. */
const PlanJobSchema = z.object({
  jobId: z.uuid(),
  /**
   * The plan's couriers this job may be given to (its unit and the units below; its own
   * courier only when it is under way); empty when it cannot be placed. The planner offers
   * only these.
   */
  courierIds: z.array(z.uuid()),
  code: z.string(),
  type: z.string(),
  addressText: z.string(),
  ...StoredWindowShape,
});

export const PlanStopSchema = PlanJobSchema.extend({
  status: z.string(),
  ...LatLngSchema.shape,
  /** ISO instants. */
  arrival: z.string(),
  start: z.string(),
  departure: z.string(),
  /** Already under way: stays with its courier at the head of the route. */
  fixed: z.boolean(),
  violations: z.array(z.enum(PLAN_VIOLATIONS)),
});
export type PlanStop = z.infer<typeof PlanStopSchema>;

export const PlanRouteSchema = z.object({
  ...CourierRefShape,
  start: LatLngSchema,
  end: LatLngSchema,
  /** Leaves the start place (ISO). */
  departAt: z.string(),
  /** Back at the end place (ISO). */
  endAt: z.string(),
  /** Metres. */
  distanceM: z.number(),
  load: z.number(),
  capacity: z.number(),
  stops: z.array(PlanStopSchema),
});
export type PlanRoute = z.infer<typeof PlanRouteSchema>;

export const PlanUnassignedSchema = PlanJobSchema.extend({
  reason: z.enum(PLAN_UNASSIGNED_REASONS),
});
export type PlanUnassigned = z.infer<typeof PlanUnassignedSchema>;

export const PlanSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  date: z.string(),
  status: z.enum(['proposed', 'committed']),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  /** Every courier of the plan, also those with no stops (so stops can be moved to them). */
  routes: z.array(PlanRouteSchema),
  unassigned: z.array(PlanUnassignedSchema),
  totals: z.object({
    stops: z.number().int(),
    couriers: z.number().int(),
    distanceM: z.number(),
    violations: z.number().int(),
  }),
  /** Search time of the proposal, ms. */
  solveMs: z.number(),
  /** great_circle or osrm. */
  distanceSource: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** `plans.committed` socket payload (unit rooms get every route; a courier only their own). */
export type PlansCommittedPayload = {
  planId: string;
  unitId: string;
  date: string;
  routes: { courierId: string; jobIds: string[] }[];
};
