import { z } from 'zod';
import { UnitRefShape } from './fields';
import { ROLE_VALUES } from './roles';

export * from './roles';

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/** The shortest password anyone may set. */
export const PASSWORD_MIN_LENGTH = 10;

/** The rule for a password someone sets (an admin for a user, or a user for themselves). */
export const NewPasswordSchema = z
  .string()
  .min(
    PASSWORD_MIN_LENGTH,
    `Mật khẩu tối thiểu ${PASSWORD_MIN_LENGTH} ký tự / at least ${PASSWORD_MIN_LENGTH} characters`,
  )
  .max(200, 'Mật khẩu tối đa 200 ký tự / at most 200 characters');

/** A signed-in user changes their own password (`POST /api/auth/password`). */
export const PasswordChangeSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, 'Hãy nhập mật khẩu hiện tại / enter your current password')
      .max(200),
    newPassword: NewPasswordSchema,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    message:
      'Mật khẩu mới phải khác mật khẩu hiện tại / the new password must differ from the current one',
  });
export type PasswordChangeInput = z.infer<typeof PasswordChangeSchema>;

/** The answer to a password change: how many other sessions were signed out. */
export const PasswordChangeResultSchema = z.object({ sessionsEnded: z.number().int() });
export type PasswordChangeResult = z.infer<typeof PasswordChangeResultSchema>;

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLE_VALUES),
  ...UnitRefShape,
});
export type Me = z.infer<typeof MeSchema>;
