import { z } from 'zod';
import { UnitRefShape } from './fields';

export const ROLE_VALUES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];

/** Where each role lands after login. */
export const ROLE_HOME: Record<RoleValue, string> = {
  operator: '/operator',
  dispatcher: '/dispatch',
  courier: '/courier',
  manager: '/manager',
  admin: '/admin',
};

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLE_VALUES),
  ...UnitRefShape,
});
export type Me = z.infer<typeof MeSchema>;
