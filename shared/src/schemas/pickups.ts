import { z } from 'zod';

import { FieldContextSchema } from './payments';

/** Most codes one counter pickup (or one check) may carry. */
export const RESULT_PICKUP_MAX_CODES = 500;

/**
 * A code as scanned or typed: spaces around it dropped, upper-cased (a barcode scanner and a
 * keyboard give `h48.19…` and `H48.19…` for the same dossier).
 */
export function normalizePickupCode(raw: string): string {
  return raw.trim().toUpperCase();
}

const PickupCode = z
  .string()
  .trim()
  .min(1, { error: 'Mã trống' })
  .max(64, { error: 'Mã quá dài (tối đa 64 ký tự)' })
  .transform(normalizePickupCode);

const PickupCodes = z
  .array(PickupCode)
  .min(1, { error: 'Quét hoặc nhập ít nhất một mã' })
  .max(RESULT_PICKUP_MAX_CODES, { error: `Tối đa ${RESULT_PICKUP_MAX_CODES} mã một lần` });

/** `POST /api/couriers/me/result-pickups/check` — what each code would be, nothing written. */
export const ResultPickupCheckInputSchema = z.object({ codes: PickupCodes });
export type ResultPickupCheckInput = z.infer<typeof ResultPickupCheckInputSchema>;

/** Why a scanned code cannot be picked up. */
export const RESULT_PICKUP_REASONS = [
  'unknown_code',
  'other_office',
  'already_picked_up',
  'not_a_result',
  'assigned_to_other_courier',
  'on_hold',
  'finished',
  'duplicate',
] as const;
export type ResultPickupReason = (typeof RESULT_PICKUP_REASONS)[number];

const Localized = z.object({ vi: z.string(), en: z.string() });

/** The result a code stands for, as the courier's phone shows it (the citizen's name masked). */
export const PickupJobSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  dossierCode: z.string().nullable(),
  citizenName: z.string(),
  addressText: z.string(),
});
export type PickupJob = z.infer<typeof PickupJobSchema>;

export const ResultPickupCheckItemSchema = z.object({
  code: z.string(),
  ok: z.boolean(),
  job: PickupJobSchema.optional(),
  reason: z.enum(RESULT_PICKUP_REASONS).optional(),
  message: Localized.optional(),
});
export type ResultPickupCheckItem = z.infer<typeof ResultPickupCheckItemSchema>;

export const ResultPickupCheckSchema = z.object({ items: z.array(ResultPickupCheckItemSchema) });
export type ResultPickupCheck = z.infer<typeof ResultPickupCheckSchema>;

/** The clerk's signature drawn on the phone, as a PNG or JPEG data URL (at most ~450 KB). */
export const SignatureDataUrl = z
  .string({ error: 'Cần chữ ký của cán bộ giao' })
  .max(600_000, { error: 'Ảnh chữ ký quá lớn' })
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, {
    error: 'Chữ ký phải là ảnh PNG hoặc JPEG (data URL)',
  });

/**
 * `POST /api/couriers/me/result-pickups` — the results collected at the agency's counter, in
 * one action, signed by the agency's clerk (biên bản giao nhận kết quả).
 */
export const ResultPickupInputSchema = FieldContextSchema.extend({
  codes: PickupCodes,
  agencyName: z.string().trim().min(2, { error: 'Nhập tên cơ quan giao' }).max(200),
  clerkName: z.string().trim().min(2, { error: 'Nhập họ tên cán bộ giao' }).max(120),
  clerkSignature: SignatureDataUrl,
});
export type ResultPickupInput = z.infer<typeof ResultPickupInputSchema>;

/** A counter pickup record: the results taken, the codes refused and who signed. */
export const ResultPickupSchema = z.object({
  id: z.uuid(),
  recordNo: z.string(),
  agencyName: z.string(),
  clerkName: z.string(),
  /** The clerk's signature (a document of the first result listed). */
  clerkSignatureId: z.uuid().nullable(),
  courierName: z.string(),
  unitName: z.string(),
  signedAt: z.string(),
  items: z.array(
    z.object({
      jobId: z.uuid(),
      jobCode: z.string(),
      dossierCode: z.string(),
      citizenName: z.string(),
      addressText: z.string(),
    }),
  ),
  flagged: z.array(z.object({ code: z.string(), reason: z.enum(RESULT_PICKUP_REASONS) })),
  replayed: z.boolean(),
});
export type ResultPickup = z.infer<typeof ResultPickupSchema>;
