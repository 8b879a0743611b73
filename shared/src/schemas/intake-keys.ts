import { z } from 'zod';
import { IntakeCountsSchema, IntakeItemResultSchema } from './intake';

/** Requests per minute an intake API key may make: at least 1, at most 600. */
export const INTAKE_KEY_RATE_MIN = 1;
export const INTAKE_KEY_RATE_MAX = 600;
/** The rate limit of a new key when the admin gives none. */
export const INTAKE_KEY_RATE_DEFAULT = 60;

/** What an admin sends to create a key for an agency's one-stop system. */
export const IntakeKeyCreateSchema = z.object({
  /** Who holds it, e.g. "Trung tâm Phục vụ hành chính công tỉnh". */
  name: z.string().trim().min(3).max(120),
  /** The unit whose post offices the key may send results to (it and every unit below it). */
  unitId: z.uuid(),
  rateLimitPerMinute: z
    .number()
    .int()
    .min(INTAKE_KEY_RATE_MIN)
    .max(INTAKE_KEY_RATE_MAX)
    .default(INTAKE_KEY_RATE_DEFAULT),
});
export type IntakeKeyCreate = z.input<typeof IntakeKeyCreateSchema>;

/** A key as lists show it: never its secret. */
export const IntakeKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The public part of the secret (`tn1022_<prefix>_…`), to tell keys apart in lists and logs. */
  prefix: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), fullName: z.string() }),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type IntakeKey = z.infer<typeof IntakeKeySchema>;

export const IntakeKeyListSchema = z.object({ items: z.array(IntakeKeySchema) });
export type IntakeKeyList = z.infer<typeof IntakeKeyListSchema>;

/** The answer to creating a key: the only time the secret is ever shown. */
export const IntakeKeyCreatedSchema = z.object({ key: IntakeKeySchema, secret: z.string() });
export type IntakeKeyCreated = z.infer<typeof IntakeKeyCreatedSchema>;

/** `POST /api/intake/results`: the intake record, the counts and each dossier's outcome. */
export const IntakeApiAnswerSchema = z.object({
  importId: z.uuid().nullable(),
  counts: IntakeCountsSchema,
  items: z.array(IntakeItemResultSchema),
});
export type IntakeApiAnswer = z.infer<typeof IntakeApiAnswerSchema>;
