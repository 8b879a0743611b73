import { z } from 'zod';
import { limitQuery, searchText } from './fields';

export const ProcedureSearchQuerySchema = z.object({
  q: searchText(200),
  limit: limitQuery(100, 20),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuerySchema>;

export const ProcedureSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  agency: z.string(),
  field: z.string(),
  processingDays: z.number().int(),
  feeVnd: z.number().int(),
  postalChargeVnd: z.number().int(),
  requiredPapers: z.array(z.string()),
  inPersonOnly: z.boolean(),
  sample: z.boolean(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

/** A catalogue entry as the admin screen lists it: the public shape plus whether it is in use. */
export const CatalogueProcedureSchema = ProcedureSchema.extend({ active: z.boolean() });
export type CatalogueProcedure = z.infer<typeof CatalogueProcedureSchema>;

/** A text the admin must fill: blank after trimming is "required", not a length rule. */
const filledText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => v.length > 0, { params: { i18n: 'required' } });

/**
 * The papers a citizen hands over, one line each ("Bản sao CCCD", "Bản chính tờ khai"), in the
 * order the courier checks them; the same paper twice is refused on the second line.
 */
const requiredPapers = z
  .array(filledText(300))
  .max(50)
  .superRefine((papers, ctx) => {
    const seen = new Set<string>();
    papers.forEach((paper, i) => {
      const key = paper.toLocaleLowerCase('vi').replace(/\s+/g, ' ');
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i], params: { i18n: 'duplicate_paper' } });
      seen.add(key);
    });
  });

/** Body of creating a catalogue entry (admin). */
export const AdminProcedureSchema = z.object({
  code: filledText(60),
  name: filledText(500),
  agency: filledText(300),
  field: filledText(200),
  processingDays: z.number().int().min(0).max(365),
  feeVnd: z.number().int().min(0).max(1_000_000_000),
  postalChargeVnd: z.number().int().min(0).max(1_000_000_000),
  requiredPapers: requiredPapers.default([]),
  inPersonOnly: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type AdminProcedure = z.infer<typeof AdminProcedureSchema>;
export const AdminProcedureUpdateSchema = AdminProcedureSchema.omit({ code: true }).partial();
export type AdminProcedureUpdate = z.infer<typeof AdminProcedureUpdateSchema>;
export const AdminProcedureListQuerySchema = z.object({
  q: searchText(100),
  includeInactive: z.enum(['true', 'false']).optional(),
  limit: limitQuery(1000, 200),
});
export type AdminProcedureListQuery = z.infer<typeof AdminProcedureListQuerySchema>;

/** What a catalogue import wrote. */
export const ProcedureImportSummarySchema = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ProcedureImportSummary = z.infer<typeof ProcedureImportSummarySchema>;
