import { z } from 'zod';
import { StoredPinShape } from './fields';

export const UnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.uuid().nullable(),
  address: z.string(),
  ...StoredPinShape,
});
export type Unit = z.infer<typeof UnitSchema>;
