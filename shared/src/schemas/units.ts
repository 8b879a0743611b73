import { z } from 'zod';

export const UnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.uuid().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;
