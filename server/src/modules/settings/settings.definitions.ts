import { z } from 'zod';
import {
  ADMIN_SETTING_SCHEMAS,
  DEFAULT_POSTAL_LEG_DAYS,
  OfficeHoursSettingSchema,
  PostalLegDaysSettingSchema,
} from '@tannha/shared';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const minutes = z.number().min(0).max(480);

/**
 * Every setting the product reads: its shape and what it falls back to when unset or
 * malformed. Add a setting here (and in `ADMIN_SETTING_SCHEMAS` when an admin edits it);
 * read it with `getSetting(db, key)`.
 */
export const SETTINGS = {
  job_due_working_days: { schema: ADMIN_SETTING_SCHEMAS.job_due_working_days, fallback: 2 },
  feedback_due_working_days: {
    schema: ADMIN_SETTING_SCHEMAS.feedback_due_working_days,
    fallback: 5,
  },
  postal_leg_days: { schema: PostalLegDaysSettingSchema, fallback: DEFAULT_POSTAL_LEG_DAYS },
  office_hours: { schema: OfficeHoursSettingSchema, fallback: { start: '07:30', end: '17:00' } },
  payment_bank: { schema: ADMIN_SETTING_SCHEMAS.payment_bank.nullable(), fallback: null },
  /** How old a phone-given action time may be (offline work sent late); see `lib/action-time.ts`. */
  offline_window_hours: { schema: ADMIN_SETTING_SCHEMAS.offline_window_hours, fallback: 72 },
  /**
   * The province this deployment serves (2-digit code of the 2025 list, e.g. 75 Đồng Nai):
   * ward pickers and imports look for wards in it only.
   */
  province_code: { schema: z.string().regex(/^\d{2}$/), fallback: '75' },
  position_retention_days: { schema: z.number().int().min(1).max(3650), fallback: 14 },
  /** The planner's shift (local HH:mm); each end falls back on its own. */
  plan_shift: {
    schema: z.object({ start: hhmm.catch('08:00'), end: hhmm.catch('17:30') }),
    fallback: { start: '08:00', end: '17:30' },
  },
  /** Minutes at the door per job type; each type falls back on its own. */
  plan_service_minutes: {
    schema: z.object({
      home_assistance: minutes.catch(20),
      result_delivery: minutes.catch(10),
      fee_collection: minutes.catch(10),
    }),
    fallback: { home_assistance: 20, result_delivery: 10, fee_collection: 10 },
  },
  plan_courier_capacity: {
    schema: z
      .number()
      .min(1)
      .transform((n) => Math.floor(n)),
    fallback: 25,
  },
  /** Which unit answers a dialled hotline number: `{ "<number>": "<unit id>" }`. */
  voice_lines: {
    schema: z.record(z.string(), z.string()),
    fallback: {} as Record<string, string>,
  },
  /** What Twilio rings per unit: `{ "<unit id>": ["+849…", "client:…", "sip:…"] }`. */
  voice_operators: {
    schema: z.record(z.string(), z.unknown()),
    fallback: {} as Record<string, unknown>,
  },
} as const satisfies Record<string, { schema: z.ZodType; fallback: unknown }>;

export type SettingKey = keyof typeof SETTINGS;
/** The typed value of one setting. */
export type SettingValue<K extends SettingKey> =
  z.output<(typeof SETTINGS)[K]['schema']> | (typeof SETTINGS)[K]['fallback'];
