import { z } from 'zod';
import { DossierCodeSchema } from '../dossier-code';
import { JOB_TYPES } from '../job-lifecycle';
import { PhoneSchema } from '../phone';
import { pagedList, pageQueryShape } from './common';
import {
  AddressTextSchema,
  CallInstant,
  OptionalPinShape,
  PhoneFilter,
  WindowInstant,
  limitQuery,
  localDate,
  searchText,
} from './fields';
import { JobPrioritySchema, JobSummarySchema, PostalLegTierSchema } from './jobs';

export const CALL_DIRECTIONS = ['inbound', 'outbound', 'callback'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** What the call was about (DOMAIN.md, 1022 hotline). */
export const CALL_CATEGORIES = [
  'procedure_question',
  'status_lookup',
  'pickup_request',
  'delivery_request',
  'feedback',
  'other',
] as const;
export type CallCategory = (typeof CALL_CATEGORIES)[number];

export const CALL_OUTCOMES = [
  'answered',
  'job_created',
  'callback_scheduled',
  'forwarded',
  'missed',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALLBACK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_REASONS = [
  'missed',
  'dismissed',
  'abandoned',
  'out_of_hours',
  'voicemail',
  'requested',
] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

const LocalDate = localDate('Ngày phải có dạng YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

/** The citizen a call is linked to; null until an operator links one. */
const LinkedCitizenShape = {
  citizenId: z.uuid().nullable(),
  citizenName: z.string().nullable(),
};

/** Fields an operator writes on a call; every one editable until the call is closed. */
const CallFieldsSchema = z.object({
  callerName: text(120).nullable().optional(),
  callerAddress: text(300).nullable().optional(),
  citizenId: z.uuid().nullable().optional(),
  category: z.enum(CALL_CATEGORIES).nullable().optional(),
  procedureId: z.uuid().nullable().optional(),
  /** The content, written faithfully. */
  content: text(5000).nullable().optional(),
  outcome: z.enum(CALL_OUTCOMES).nullable().optional(),
  /** Feedback: the unit it is forwarded to. */
  forwardedUnitId: z.uuid().nullable().optional(),
  /** Feedback: due date; defaults to `feedback_due_working_days` working days. */
  feedbackDueDate: LocalDate.nullable().optional(),
  answer: text(5000).nullable().optional(),
  published: z.boolean().optional(),
});

export const CreateCallSchema = CallFieldsSchema.extend({
  direction: z.enum(CALL_DIRECTIONS).default('inbound'),
  callerPhone: PhoneSchema,
  startedAt: CallInstant.optional(),
  /** Close the call right away (the usual end of a simple question). */
  close: z.boolean().optional(),
});
export type CreateCallInput = z.infer<typeof CreateCallSchema>;

export const UpdateCallSchema = CallFieldsSchema.extend({
  callerPhone: PhoneSchema.optional(),
  /** Required when the call is closed (manager only): why it is changed afterwards. */
  reason: text(500).optional(),
  /** The version the editor saw; a stale one gets 409. */
  version: z.number().int().optional(),
});
export type UpdateCallInput = z.infer<typeof UpdateCallSchema>;

export const ReopenCallSchema = z.object({
  reason: z.string().trim().min(5, { error: 'Hãy ghi lý do (ít nhất 5 ký tự)' }).max(500),
});
export type ReopenCallInput = z.infer<typeof ReopenCallSchema>;

export const ListCallsQuerySchema = z.object({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  category: z.enum(CALL_CATEGORIES).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  operatorId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  phone: PhoneFilter,
  /** Ticket code or words from the content. */
  q: searchText(120),
  open: z.enum(['true', 'false']).optional(),
  ...pageQueryShape(),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuerySchema>;

export const CallSchema = z.object({
  id: z.uuid(),
  ticketCode: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  callerPhone: z.string(),
  callerName: z.string().nullable(),
  callerAddress: z.string().nullable(),
  ...LinkedCitizenShape,
  operatorId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  unitId: z.uuid(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  twilioCallSid: z.string().nullable(),
  twilioStatus: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  outOfHours: z.boolean(),
  category: z.enum(CALL_CATEGORIES).nullable(),
  procedureId: z.uuid().nullable(),
  procedureName: z.string().nullable(),
  content: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  jobId: z.uuid().nullable(),
  jobCode: z.string().nullable(),
  forwardedUnitId: z.uuid().nullable(),
  forwardedUnitName: z.string().nullable(),
  feedbackDueDate: z.string().nullable(),
  answer: z.string().nullable(),
  published: z.boolean(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Call = z.infer<typeof CallSchema>;

export const CallListSchema = pagedList(CallSchema);
export type CallList = z.infer<typeof CallListSchema>;

/**
 * `POST /api/calls/:id/jobs`: the job form on the operator screen. The caller, the call
 * link and the fees (from the catalogue) are filled in by the server.
 */
export const CreateJobFromCallSchema = z
  .object({
    type: z
      .enum(JOB_TYPES)
      .refine((t) => t !== 'fee_collection', { error: 'Chọn tiếp nhận hồ sơ hoặc trả kết quả' }),
    /** Post office that will serve the address. */
    unitId: z.uuid(),
    /** Why the job goes to another office than the one serving its ward. */
    unitOverrideReason: z.string().trim().min(1).max(300).optional(),
    /** Defaults to the citizen linked to the call. */
    citizenId: z.uuid().optional(),
    procedureId: z.uuid().optional(),
    dossierCode: DossierCodeSchema.optional(),
    addressText: AddressTextSchema,
    wardCode: z.string().trim().max(20).optional(),
    ...OptionalPinShape,
    /** Where the pin came from (with lat/lng). */
    locationSource: z.enum(['pinned', 'geocoded', 'saved_address']).optional(),
    windowStart: WindowInstant.optional(),
    windowEnd: WindowInstant.optional(),
    priority: JobPrioritySchema.optional(),
    /** Defaults to within the province. */
    postalLegTier: PostalLegTierSchema.optional(),
    notes: z.string().trim().max(1000).optional(),
    /** Save the address on the citizen's record too. */
    saveAddress: z.boolean().optional(),
  })
  .refine((v) => v.type !== 'result_delivery' || (v.dossierCode ?? '') !== '', {
    path: ['dossierCode'],
    error: 'Trả kết quả cần mã hồ sơ',
  })
  .refine((v) => !v.windowStart || !v.windowEnd || v.windowEnd > v.windowStart, {
    path: ['windowEnd'],
    error: 'Giờ kết thúc phải sau giờ bắt đầu',
  });
export type CreateJobFromCallInput = z.infer<typeof CreateJobFromCallSchema>;

export const JobFromCallResultSchema = z.object({
  call: CallSchema,
  job: JobSummarySchema.omit({ type: true }),
  smsId: z.uuid().nullable(),
});
export type JobFromCallResult = z.infer<typeof JobFromCallResultSchema>;

export const ScheduleCallbackSchema = z.object({
  /** When to call back: an appointment with the citizen, bounded like a job's window. */
  dueAt: WindowInstant,
  note: z.string().trim().max(500).optional(),
  /** Who should call back; defaults to the operator scheduling it. */
  assignedTo: z.uuid().nullable().optional(),
});
export type ScheduleCallbackInput = z.infer<typeof ScheduleCallbackSchema>;

export const ListCallbacksQuerySchema = z.object({
  /** mine: assigned to me or to nobody; unit: all of my units. */
  scope: z.enum(['mine', 'unit']).default('mine'),
  status: z.enum(CALLBACK_STATUSES).default('open'),
  /** Only those due by now (overdue and due). */
  due: z.enum(['true', 'false']).optional(),
  limit: limitQuery(200, 100),
});
export type ListCallbacksQuery = z.infer<typeof ListCallbacksQuerySchema>;

export const CompleteCallbackSchema = z.object({
  status: z.enum(['done', 'cancelled']).default('done'),
  note: z.string().trim().max(500).optional(),
});
export type CompleteCallbackInput = z.infer<typeof CompleteCallbackSchema>;

export const CallbackSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  ticketCode: z.string(),
  unitId: z.uuid(),
  phone: z.string(),
  ...LinkedCitizenShape,
  assignedTo: z.uuid().nullable(),
  assignedName: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  reason: z.enum(CALLBACK_REASONS),
  note: z.string().nullable(),
  status: z.enum(CALLBACK_STATUSES),
  recordingUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type Callback = z.infer<typeof CallbackSchema>;

export const OverdueFeedbackQuerySchema = z.object({
  /** Include feedback due within this many days (0 = only overdue). */
  withinDays: z.coerce.number().int().min(0).max(30).default(0),
});
export type OverdueFeedbackQuery = z.infer<typeof OverdueFeedbackQuerySchema>;
