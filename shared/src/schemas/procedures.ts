import { z } from 'zod';

export const ProcedureSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
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
