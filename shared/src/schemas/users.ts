import { z } from 'zod';
import { ROLE_VALUES } from './auth';

export const UserListQuerySchema = z.object({
  unitId: z.uuid().optional(),
  role: z.enum(ROLE_VALUES).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
