import { z } from 'zod';

/** A job code as printed on the receipt and in the SMS (letters, digits, dashes). */
export const TrackingCodeSchema = z
  .string()
  .trim()
  .min(4)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/, 'A tracking code has only letters, digits and dashes')
  .transform((s) => s.toUpperCase());

export const TrackingParamsSchema = z.object({ code: TrackingCodeSchema });

/** The last four digits of the phone number the job was registered with: the look-up's proof. */
export const PhoneLast4Schema = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'Enter the last 4 digits of your phone number');

export const TrackingQuerySchema = z.object({ phone: PhoneLast4Schema });

export const RatingInputSchema = z.object({
  phone: PhoneLast4Schema,
  stars: z.number().int().min(1, 'Choose 1 to 5 stars').max(5, 'Choose 1 to 5 stars'),
  comment: z.string().trim().max(1000).optional(),
});
export type RatingInput = z.infer<typeof RatingInputSchema>;

/** A citizen's rating of a job as staff see it. */
export const RatingSchema = z.object({
  id: z.uuid(),
  jobCode: z.string(),
  stars: z.number().int(),
  comment: z.string().nullable(),
  courierName: z.string().nullable(),
  unitName: z.string(),
  createdAt: z.string(),
});
export type Rating = z.infer<typeof RatingSchema>;

/**
 * What anyone holding the code and the last four digits sees: nothing personal (no name,
 * phone, address or ID of the citizen; only the courier's given name).
 */
export const TrackingViewSchema = z.object({
  code: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  status: z.string(),
  /** The state of the citizen's dossier in plain words (a filed dossier is not "done"). */
  statusLabel: z.string(),
  /** What the citizen waits for next, e.g. "Đang chờ kết quả — dự kiến có kết quả ngày 15/12/2026". */
  resultNote: z.string().nullable(),
  /** YYYY-MM-DD: the result date from the appointment slip (pickup) or the agency's ready date. */
  resultDate: z.string().nullable(),
  procedureName: z.string().nullable(),
  unitName: z.string(),
  /** The agency's dossier code once the dossier is received (not personal). */
  dossierCode: z.string().nullable(),
  /** The postal leg's deadline only (YYYY-MM-DD), named by `dueLabel`. */
  dueDate: z.string().nullable(),
  /** What `dueDate` is, in words: the same name the SMS uses. */
  dueLabel: z.string(),
  window: z.object({ start: z.string(), end: z.string().nullable() }).nullable(),
  /** Given name only, e.g. "Hùng". */
  courierFirstName: z.string().nullable(),
  /** Estimated arrival while the courier is on the way; null otherwise. */
  eta: z.string().nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      status: z.string(),
      label: z.string(),
      detail: z.string().nullable(),
    }),
  ),
  canRate: z.boolean(),
  rating: RatingSchema.pick({ stars: true, comment: true, createdAt: true }).nullable(),
});
export type TrackingView = z.infer<typeof TrackingViewSchema>;
