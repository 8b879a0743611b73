import { z } from 'zod';
import { DateString, UnitRefShape } from './fields';
import { CashCountShape } from './reconciliation';
import { RatingSchema } from './tracking';

/** The longest range a dashboard or export covers in one request. */
export const REPORT_MAX_RANGE_DAYS = 366;

/**
 * `?from&to&unitId` for the dashboard and the exports: local dates (Asia/Ho_Chi_Minh),
 * both inclusive; the unit defaults to the caller's own and always includes its sub-units.
 */
export const ReportRangeQuerySchema = z
  .object({
    from: DateString,
    to: DateString,
    unitId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'The end date must not be before the start date',
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < REPORT_MAX_RANGE_DAYS, {
    path: ['from'],
    message: `A report covers at most ${REPORT_MAX_RANGE_DAYS} days`,
  });
export type ReportRangeQuery = z.infer<typeof ReportRangeQuerySchema>;

/** Jobs judged against their due date: finished on time, and finished or still open late. */
const OnTimeShape = {
  onTime: z.number().int(),
  late: z.number().int(),
};

const Count = z.object({ key: z.string(), count: z.number().int() });
const Money = z.object({ key: z.string(), amountVnd: z.number().int(), count: z.number().int() });

/** Legs of a job timed on the dashboard. */
export const REPORT_LEGS = [
  'call_to_assignment',
  'assignment_to_pickup',
  'pickup_to_handover',
] as const;
export type ReportLeg = (typeof REPORT_LEGS)[number];

export const ReportSummarySchema = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    ...UnitRefShape,
    /** How many units (the chosen one and those below it) the figures cover. */
    unitCount: z.number().int(),
  }),
  generatedAt: z.string(),
  calls: z.object({
    total: z.number().int(),
    byCategory: z.array(Count),
    /** 24 entries, hour of day in Asia/Ho_Chi_Minh. */
    byHour: z.array(z.object({ hour: z.number().int(), count: z.number().int() })),
    byOutcome: z.array(Count),
  }),
  jobs: z.object({
    total: z.number().int(),
    byType: z.array(Count),
    byStatus: z.array(Count),
    byProcedure: z.array(
      z.object({
        procedureId: z.string().nullable(),
        code: z.string().nullable(),
        name: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
    byDay: z.array(
      z.object({ date: z.string(), created: z.number().int(), completed: z.number().int() }),
    ),
  }),
  /**
   * Jobs created in the range, judged against their due date (shared/src/overdue.ts): on
   * time = completed on or before the due date; late = completed late (`completedLate`,
   * "Xong trễ hạn") plus still open and overdue now (`overdueOpen`, "Quá hạn chưa xong").
   * Jobs not due yet, cancelled or without a due date are left out. `rate` is null with
   * nothing judged.
   */
  onTime: z.object({
    ...OnTimeShape,
    completedLate: z.number().int(),
    overdueOpen: z.number().int(),
    rate: z.number().nullable(),
  }),
  /**
   * Every job of the unit and below that is overdue now ("Quá hạn chưa xong", whatever the
   * range): the same count as the dispatcher's overdue list (`GET /api/jobs/late`).
   */
  overdue: z.number().int(),
  legs: z.array(
    z.object({
      leg: z.enum(REPORT_LEGS),
      count: z.number().int(),
      avgSeconds: z.number().nullable(),
    }),
  ),
  /**
   * Overdue jobs now ("Quá hạn chưa xong"): open, past their due date or with their package
   * held past the postal leg's limit (`reason`), most overdue first (at most 100 of
   * `overdue`), with who holds them.
   */
  late: z.array(
    z.object({
      jobId: z.uuid(),
      code: z.string(),
      type: z.string(),
      status: z.string(),
      reason: z.enum(['due', 'postal_leg']),
      /** The date that was missed: the due date, or the postal leg's J+n. */
      dueDate: z.string(),
      legDueDate: z.string().nullable(),
      unitName: z.string(),
      holderId: z.string().nullable(),
      holderName: z.string().nullable(),
    }),
  ),
  couriers: z.array(
    z.object({
      courierId: z.uuid(),
      name: z.string(),
      unitName: z.string(),
      jobs: z.number().int(),
      completed: z.number().int(),
      ...OnTimeShape,
      onTimeRate: z.number().nullable(),
      distanceKm: z.number(),
      ratingCount: z.number().int(),
      ratingAverage: z.number().nullable(),
    }),
  ),
  /**
   * Where courier distances come from: `job_coordinates` = great-circle legs from the unit
   * through the jobs completed each day, in completion order (an estimate, below road
   * distance).
   */
  distanceSource: z.enum(['job_coordinates', 'positions']),
  money: z.object({
    /** Confirmed ledger entries (reversals included, so corrections net out). */
    totalVnd: z.number().int(),
    byMethod: z.array(Money),
    byFlow: z.array(Money),
    /** Transfers shown but not yet confirmed: not counted as collected. */
    pendingVnd: z.number().int(),
  }),
  ratings: z.object({
    count: z.number().int(),
    average: z.number().nullable(),
    /** Index 0 = 1 star … index 4 = 5 stars. */
    distribution: z.array(z.number().int()),
    recent: z.array(RatingSchema.omit({ id: true, unitName: true })),
  }),
  cash: z.object({
    handovers: z.number().int(),
    ...CashCountShape,
    /** Handovers whose count differed from the ledger, newest first. */
    discrepancies: z.array(
      z.object({
        id: z.uuid(),
        courierName: z.string(),
        shiftDate: z.string(),
        ...CashCountShape,
        reason: z.string().nullable(),
      }),
    ),
  }),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
