import { z } from 'zod';
import type { PostalLegLimits } from '../postal-leg';
import { NewPasswordSchema, ROLE_VALUES } from './auth';
import { HHMM_RE, LatitudeRange, LongitudeRange, limitQuery, localDate } from './fields';
import { UnitSchema } from './units';

const isoDate = localDate(
  'Ngày không có thật hoặc sai dạng YYYY-MM-DD / not a real date as YYYY-MM-DD',
);

/** Usernames are stored lower-case: letters, digits, dot, dash, underscore. */
export const AdminUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9._-]{3,40}$/,
    'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch / 3–40 characters: letters, digits, . _ -',
  );
export const AdminPasswordSchema = NewPasswordSchema;

export const AdminUserCreateSchema = z.object({
  username: AdminUsernameSchema,
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(ROLE_VALUES),
  unitId: z.uuid(),
  phone: z.string().trim().max(20).optional(),
  password: AdminPasswordSchema,
});
export type AdminUserCreate = z.infer<typeof AdminUserCreateSchema>;

export const AdminUserUpdateSchema = z
  .object({
    fullName: z.string().trim().min(2).max(120).optional(),
    role: z.enum(ROLE_VALUES).optional(),
    unitId: z.uuid().optional(),
    phone: z.string().trim().max(20).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Không có gì để thay đổi / nothing to change');
export type AdminUserUpdate = z.infer<typeof AdminUserUpdateSchema>;

export const AdminPasswordResetSchema = z.object({ password: AdminPasswordSchema });

export const AdminUnitCreateSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(30)
    .regex(/^[A-Za-z0-9-]+$/, 'Mã đơn vị chỉ gồm chữ, số và dấu gạch / letters, digits and dashes'),
  name: z.string().trim().min(2).max(160),
  kind: z.string().trim().min(2).max(40).default('post_office'),
  parentId: z.uuid(),
  address: z.string().trim().max(300).default(''),
  wardCode: z.string().trim().max(10).nullable().optional(),
  lat: LatitudeRange.nullable().optional(),
  lng: LongitudeRange.nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
});
export type AdminUnitCreate = z.infer<typeof AdminUnitCreateSchema>;
export const AdminUnitUpdateSchema = AdminUnitCreateSchema.omit({
  code: true,
  parentId: true,
}).partial();
export type AdminUnitUpdate = z.infer<typeof AdminUnitUpdateSchema>;

/** A user as an admin sees it (never the password hash). */
export const AdminUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.string(),
  unitId: z.uuid(),
  unitName: z.string().optional(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

/** A unit as an admin sees it (with its ward and phone). */
export const AdminUnitSchema = UnitSchema.extend({
  wardCode: z.string().nullable(),
  phone: z.string().nullable(),
});
export type AdminUnit = z.infer<typeof AdminUnitSchema>;

export const HOLIDAY_KINDS = ['holiday', 'working_day'] as const;
export const AdminHolidaySchema = z.object({
  date: isoDate,
  kind: z.enum(HOLIDAY_KINDS),
  name: z.string().trim().min(1).max(160),
});
export type AdminHoliday = z.infer<typeof AdminHolidaySchema>;
/** One day of the working-day calendar. */
export const HolidayItemSchema = z.object({
  date: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  name: z.string(),
});
export type HolidayItem = z.infer<typeof HolidayItemSchema>;
export const AdminYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Office hours (local HH:mm); `end: '24:00'` means open until midnight (minute 1440). */
export const OfficeHoursSettingSchema = z.object({
  start: z.string().regex(HHMM_RE),
  end: z.string().regex(HHMM_RE).or(z.literal('24:00')),
});
export const PostalLegDaysSettingSchema = z.object({
  sameArea: z.number().int().min(0).max(30),
  province: z.number().int().min(0).max(30),
  majorCities: z.number().int().min(0).max(30),
  interProvince: z.number().int().min(0).max(30),
}) satisfies z.ZodType<PostalLegLimits>;
export const PaymentBankSettingSchema = z.object({
  bankBin: z.string().regex(/^\d{6}$/, 'Mã BIN ngân hàng 6 chữ số / 6-digit bank BIN'),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{4,19}$/),
  accountName: z.string().trim().min(2).max(70),
});
/** Settings an admin edits, each with its own shape. */
export const ADMIN_SETTING_SCHEMAS = {
  job_due_working_days: z.number().int().min(1).max(60),
  feedback_due_working_days: z.number().int().min(1).max(60),
  postal_leg_days: PostalLegDaysSettingSchema,
  office_hours: OfficeHoursSettingSchema,
  payment_bank: PaymentBankSettingSchema,
  /** How many hours a courier's phone may hold an action offline before sending it. */
  offline_window_hours: z.number().int().min(1).max(720),
} as const;
export type AdminSettingKey = keyof typeof ADMIN_SETTING_SCHEMAS;
export const ADMIN_SETTING_KEYS = Object.keys(ADMIN_SETTING_SCHEMAS) as AdminSettingKey[];
export const AdminSettingBodySchema = z.object({ value: z.unknown() });
/** One setting as the admin screen lists it (`isDefault`: unset, the fallback is shown). */
export const AdminSettingItemSchema = z.object({
  key: z.string(),
  value: z.unknown(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type AdminSettingItem = z.infer<typeof AdminSettingItemSchema>;

export const AdminSmsPreviewSchema = z.object({
  key: z.string().max(60).optional(),
  body: z.string().max(600).optional(),
  vars: z.record(z.string(), z.union([z.string().max(200), z.number()])).optional(),
});
export type AdminSmsPreview = z.infer<typeof AdminSmsPreviewSchema>;

export const AdminAuditQuerySchema = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(120).optional(),
  limit: limitQuery(500, 100),
  before: z.coerce.number().int().positive().optional(),
});
export type AdminAuditQuery = z.infer<typeof AdminAuditQuerySchema>;

/** One entry of the audit trail. */
export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z
    .object({ id: z.uuid(), username: z.string().nullable(), fullName: z.string().nullable() })
    .nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
