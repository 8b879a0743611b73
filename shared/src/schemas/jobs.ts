import { z } from 'zod';
import { DossierCodeSchema } from '../dossier-code';
import { VndAmountSchema } from '../money';
import { JOB_STATUSES, JOB_TYPES } from '../job-lifecycle';
import { POSTAL_LEG_TIERS } from '../postal-leg';
import { pagedList, pageQueryShape } from './common';
import { CourierSchema } from './couriers';
import {
  Latitude,
  LocationSourceSchema,
  Longitude,
  QueryBoolean,
  STORED_LOCATION_SOURCES,
  StoredAddressShape,
  StoredPinShape,
  StoredWindowShape,
  UnitRefShape,
  FieldTimesShape,
  WindowInstant,
  isoInstant,
  localDate,
  searchText,
} from './fields';
import { ProcedureSchema } from './procedures';

/**
 * Jobs: the request and response shapes of `/api/jobs` (issue #4). Every screen that
 * shows or changes a job uses these; the server validates with the same schemas.
 */

export const JobTypeSchema = z.enum(JOB_TYPES);
export const JobStatusSchema = z.enum(JOB_STATUSES);

/**
 * The colour board (DESIGN.md): `green` done on time (or closed), `yellow` in progress
 * and not yet due, `red` late, or not started when its due day is near (today or the next
 * working day).
 */
export const JOB_BOARDS = ['green', 'yellow', 'red'] as const;
export type JobBoard = (typeof JOB_BOARDS)[number];
export const JobBoardSchema = z.enum(JOB_BOARDS);

/** How far the package travels on the postal leg (sets its time limit, see postal-leg.ts). */
export const PostalLegTierSchema = z.enum(POSTAL_LEG_TIERS);

/** 0 normal, 1 high, 2 urgent. */
export const JobPrioritySchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);

const IsoInstant = isoInstant('Thời điểm phải theo dạng ISO 8601, ví dụ 2026-03-15T09:30:00+07:00');
const LocalDate = localDate('Ngày phải theo dạng YYYY-MM-DD');

/**
 * `POST /api/jobs`. Fees default from the procedure when left out; the due date is
 * computed by the server in working days; `callId` links the 1022 call it came from.
 * The post office is the one serving `wardCode` when `unitId` is left out; choosing another
 * one needs `unitOverrideReason`. `locationSource` says where lat/lng came from (default
 * `pinned`); `saveAddress` keeps the address, ward and position on the citizen's card.
 */
export const CreateJobSchema = z
  .object({
    type: JobTypeSchema,
    unitId: z.uuid().optional(),
    citizenId: z.uuid(),
    procedureId: z.uuid().nullish(),
    dossierCode: DossierCodeSchema.nullish(),
    addressText: z
      .string()
      .trim()
      .min(5, { error: 'Địa chỉ quá ngắn, hãy ghi số nhà, đường, phường' })
      .max(500),
    wardCode: z.string().trim().max(20).nullish(),
    lat: Latitude.nullish(),
    lng: Longitude.nullish(),
    windowStart: WindowInstant.nullish(),
    windowEnd: WindowInstant.nullish(),
    priority: JobPrioritySchema.optional(),
    /** Defaults to `province` (the agency is in the province). */
    postalLegTier: PostalLegTierSchema.optional(),
    /** At most what one payment line can carry (`MAX_VND`), so it can always be paid exactly. */
    feeDueVnd: VndAmountSchema.optional(),
    postalChargeVnd: VndAmountSchema.optional(),
    notes: z.string().trim().max(2000).nullish(),
    callId: z.uuid().nullish(),
    locationSource: LocationSourceSchema.optional(),
    unitOverrideReason: z
      .string()
      .trim()
      .min(1, { error: 'Ghi lý do chọn bưu cục khác' })
      .max(300, { error: 'Lý do tối đa 300 ký tự' })
      .optional(),
    saveAddress: z.boolean().optional(),
  })
  .refine((v) => v.unitId != null || (v.wardCode ?? '') !== '', {
    error: 'Chọn phường/xã hoặc bưu cục phục vụ',
    path: ['wardCode'],
  })
  .refine((v) => (v.lat == null) === (v.lng == null), {
    error: 'Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai',
    path: ['lat'],
  })
  .refine(
    (v) => !v.windowStart || !v.windowEnd || Date.parse(v.windowStart) < Date.parse(v.windowEnd),
    {
      error: 'Giờ kết thúc hẹn phải sau giờ bắt đầu',
      path: ['windowEnd'],
    },
  );
export type CreateJobInput = z.infer<typeof CreateJobSchema>;

/**
 * `POST /api/jobs/:id/transitions` (send an `Idempotency-Key` header from phones).
 * `occurredAt` is when it happened on the phone (offline work is sent later); it must not
 * be in the future. `expectedVersion` makes the move fail with 409 `job_version_conflict`
 * when someone else changed the job since the caller read it.
 */
export const TransitionJobSchema = z.object({
  to: JobStatusSchema,
  reason: z.string().trim().max(1000).optional(),
  lat: Latitude.optional(),
  lng: Longitude.optional(),
  occurredAt: IsoInstant.optional(),
  expectedVersion: z.number().int().min(1).optional(),
  /**
   * Free-form details of the step (failure reason code, counter slip number…). Read by the
   * server: `dossierCode` (the code on the result package at `picked_up`, or from the slip at
   * `submitted`), `dossierCodeMismatchReason` (taking a package with another code) and
   * `earlyReason` (completing before the appointment day), both at least 10 characters.
   */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TransitionJobInput = z.infer<typeof TransitionJobSchema>;

/** `POST /api/jobs/:id/assign`: a courier, or `null` to unassign. Reassigning and unassigning need a reason. */
export const AssignJobSchema = z.object({
  courierId: z.uuid().nullable(),
  reason: z.string().trim().max(1000).optional(),
});
export type AssignJobInput = z.infer<typeof AssignJobSchema>;

/** `POST /api/jobs/assign`: several jobs to one courier, all or nothing. */
export const BulkAssignJobsSchema = z.object({
  jobIds: z
    .array(z.uuid())
    .min(1, { error: 'Chọn ít nhất một việc' })
    .max(200, { error: 'Tối đa 200 việc một lần' }),
  courierId: z.uuid().nullable(),
  reason: z.string().trim().max(1000).optional(),
});
export type BulkAssignJobsInput = z.infer<typeof BulkAssignJobsSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item))
    .optional();

/**
 * `GET /api/jobs` filters. `status` and `board` take a comma-separated list; `courierId`
 * takes `none` for unassigned jobs; `from`/`to` are local dates on the creation time
 * (inclusive); `due` is a local date (jobs due on or before it); `late=true` keeps jobs
 * that are (or finished) past their due date; `q` searches code, citizen name, address and
 * dossier code ignoring diacritics; `open=true` leaves out completed/returned/cancelled.
 */
export const ListJobsQuerySchema = z.object({
  status: csv(JobStatusSchema),
  type: JobTypeSchema.optional(),
  courierId: z.union([z.uuid(), z.literal('none')]).optional(),
  unitId: z.uuid().optional(),
  board: csv(JobBoardSchema),
  late: QueryBoolean,
  open: QueryBoolean,
  due: LocalDate.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  q: searchText(200),
  /** `urgent` (priority, due date) or `recent` (newest first); default urgent for open lists. */
  sort: z.enum(['urgent', 'recent']).optional(),
  ...pageQueryShape(500),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuerySchema>;

/** A person a job names (its citizen, its courier, who did a step). */
const Person = z.object({ id: z.uuid(), fullName: z.string() });

/**
 * A job as the API returns it. `citizen.phone` (full E.164) is present only for people
 * who must call the citizen: the assigned courier, dispatchers and operators (and
 * admins); everyone else, and every socket event, gets `phoneMasked` only.
 */
export const JobSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  type: JobTypeSchema,
  status: JobStatusSchema,
  /** For an `on_hold` job: the state it returns to. */
  heldFrom: JobStatusSchema.nullable(),
  ...UnitRefShape,
  citizen: Person.extend({
    phoneMasked: z.string(),
    phone: z.string().optional(),
    /** The last 4 digits of the CCCD on file, for the ID check at the door (null: none on file). */
    cccdLast4: z.string().nullable(),
  }),
  /** With the papers the procedure asks for, so the pickup checklist opens offline. */
  procedure: ProcedureSchema.pick({
    id: true,
    code: true,
    name: true,
    inPersonOnly: true,
    requiredPapers: true,
  }).nullable(),
  dossierCode: z.string().nullable(),
  ...StoredAddressShape,
  /** Where the position came from: pinned, geocoded, saved_address, imported (null: no position). */
  locationSource: z.enum(STORED_LOCATION_SOURCES).nullable(),
  ...StoredWindowShape,
  /** Local date (YYYY-MM-DD) the job is due, in working days. */
  dueDate: z.string().nullable(),
  postalLegTier: PostalLegTierSchema,
  /** J+n of the postal leg, set when the courier takes the package (null before). */
  legDueDate: z.string().nullable(),
  priority: z.number().int(),
  feeDueVnd: z.number().int(),
  postalChargeVnd: z.number().int(),
  courier: Person.nullable(),
  routeOrder: z.number().int().nullable(),
  notes: z.string().nullable(),
  attemptCount: z.number().int(),
  /** Bumped by every write; send it back as `expectedVersion`. */
  version: z.number().int(),
  board: JobBoardSchema,
  late: z.boolean(),
  callId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the current courier got it ("holds it since"). */
  assignedAt: z.string().nullable(),
  /** When the job entered its current status. */
  statusChangedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobListSchema = pagedList(JobSchema);
export type JobList = z.infer<typeof JobListSchema>;

/** A job in a short list beside something else (a caller's history, the screen pop). */
export const JobSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  type: z.string(),
  status: z.string(),
  dueDate: z.string().nullable(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

/**
 * Every kind of entry a job's history holds (job_events.kind; `located`: a pin set or
 * corrected, `route_planned`: put on a courier's planned route). The column is typed with this
 * list, so a new kind cannot be written before every timeline has words for it.
 */
export const JOB_EVENT_KINDS = [
  'created',
  'transition',
  'assign',
  'unassign',
  'reassign',
  'note',
  'located',
  'route_planned',
] as const;
export type JobEventKind = (typeof JOB_EVENT_KINDS)[number];

/** One entry of a job's append-only timeline. */
export const JobEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  fromStatus: JobStatusSchema.nullable(),
  toStatus: JobStatusSchema.nullable(),
  reason: z.string().nullable(),
  actor: Person.nullable(),
  ...FieldTimesShape,
  ...StoredPinShape,
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type JobEvent = z.infer<typeof JobEventSchema>;

/** A courier suggested for a job, best first, with the reason in both languages. */
export const JobSuggestionSchema = z.object({
  courier: CourierSchema.pick({ id: true, fullName: true, unitId: true, unitName: true }),
  /** Great-circle distance from the courier's last position to the job, km; null when either is unknown. */
  distanceKm: z.number().nullable(),
  openJobs: z.number().int(),
  onDuty: z.boolean(),
  shiftEnd: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** Lower is better. */
  score: z.number(),
  why: z.object({ vi: z.string(), en: z.string() }),
});
export type JobSuggestion = z.infer<typeof JobSuggestionSchema>;

/**
 * `GET /api/jobs/:id/couriers`: the couriers a job can be given to — active couriers of the
 * job's post office and the units below it, those on shift first — and how many of the
 * caller's other couriers are left out because they belong to another unit (`otherUnits`),
 * so the picker can say why they are missing. Disabled accounts are never listed.
 */
export const JobCouriersSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  items: z.array(CourierSchema),
  otherUnits: z.number().int(),
});
export type JobCouriers = z.infer<typeof JobCouriersSchema>;

/** `POST /api/couriers/:id/reassign-day`: move the courier's not-started jobs to another courier, or back to the pool (`null`). */
export const ReassignDaySchema = z.object({
  toCourierId: z.uuid().nullable(),
  reason: z.string().trim().min(3, { error: 'Hãy ghi lý do (ví dụ: bưu tá nghỉ ốm)' }).max(1000),
  /** Also take the courier off duty (default true: someone who fell ill goes home). */
  offDuty: z.boolean().default(true),
});
export type ReassignDayInput = z.infer<typeof ReassignDaySchema>;
