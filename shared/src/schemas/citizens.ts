import { z } from 'zod';
import { PhoneSchema } from '../phone';
import {
  AddressTextSchema,
  OptionalPinShape,
  PhoneFilter,
  StoredAddressShape,
  limitQuery,
  searchText,
} from './fields';
import { JobSummarySchema } from './jobs';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** An address as typed: free text, the ward (after the 2025 reform), and a map pin. */
export const CitizenAddressInputSchema = z.object({
  label: optionalText(60),
  addressText: AddressTextSchema,
  wardCode: optionalText(20),
  ...OptionalPinShape,
});
export type CitizenAddressInput = z.infer<typeof CitizenAddressInputSchema>;

export const CreateCitizenSchema = z.object({
  fullName: z.string().trim().min(2, { error: 'Họ tên quá ngắn' }).max(120),
  phone: PhoneSchema,
  email: z.email().optional(),
  notes: optionalText(1000),
  smsOptOut: z.boolean().optional(),
  /** Post office that usually serves the caller (for jobs); optional. */
  unitId: z.uuid().optional(),
  addresses: z.array(CitizenAddressInputSchema).max(10).optional(),
});
export type CreateCitizenInput = z.infer<typeof CreateCitizenSchema>;

export const UpdateCitizenSchema = z.object({
  fullName: z.string().trim().min(2, { error: 'Họ tên quá ngắn' }).max(120).optional(),
  phone: PhoneSchema.optional(),
  email: z.email().nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
  smsOptOut: z.boolean().optional(),
  unitId: z.uuid().nullable().optional(),
});
export type UpdateCitizenInput = z.infer<typeof UpdateCitizenSchema>;

/** `GET /api/citizens?phone=…` (tolerant: `0912.345.678`, `84912…`) or `?q=` name search. */
export const CitizenSearchQuerySchema = z.object({
  phone: PhoneFilter,
  q: searchText(120),
  limit: limitQuery(50, 20),
});
export type CitizenSearchQuery = z.infer<typeof CitizenSearchQuerySchema>;

export const CitizenAddressSchema = z.object({
  id: z.uuid(),
  label: z.string().nullable(),
  ...StoredAddressShape,
});
export type CitizenAddress = z.infer<typeof CitizenAddressSchema>;

export const CitizenSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  /** E.164; staff with the right role see it whole (they call back). */
  phone: z.string(),
  email: z.string().nullable(),
  smsOptOut: z.boolean(),
  unitId: z.uuid().nullable(),
  notes: z.string().nullable(),
  /** Only the last four digits are ever shown. */
  cccdLast4: z.string().nullable(),
  addresses: z.array(CitizenAddressSchema),
  createdAt: z.string(),
});
export type Citizen = z.infer<typeof CitizenSchema>;

/** A line of the caller's history: an earlier call. */
export const CitizenCallSummarySchema = z.object({
  id: z.uuid(),
  ticketCode: z.string(),
  direction: z.string(),
  startedAt: z.string(),
  category: z.string().nullable(),
  outcome: z.string().nullable(),
  content: z.string().nullable(),
  jobId: z.uuid().nullable(),
});
export type CitizenCallSummary = z.infer<typeof CitizenCallSummarySchema>;

/** A line of the caller's history: a job. */
export const CitizenJobSummarySchema = JobSummarySchema.extend({
  addressText: z.string(),
  createdAt: z.string(),
  procedureName: z.string().nullable(),
});
export type CitizenJobSummary = z.infer<typeof CitizenJobSummarySchema>;

export const CitizenHistorySchema = z.object({
  citizen: CitizenSchema,
  calls: z.array(CitizenCallSummarySchema),
  jobs: z.array(CitizenJobSummarySchema),
});
export type CitizenHistory = z.infer<typeof CitizenHistorySchema>;
