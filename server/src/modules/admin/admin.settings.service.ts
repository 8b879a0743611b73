import { eq, inArray } from 'drizzle-orm';
import {
  ADMIN_SETTING_KEYS,
  ADMIN_SETTING_SCHEMAS,
  DEFAULT_POSTAL_LEG_DAYS,
  type AdminSettingKey,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema';
import { AppError, validationFailed } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { DEFAULT_OFFICE_HOURS } from '../calls/office-hours';
import { DEFAULT_FEEDBACK_DUE_WORKING_DAYS } from '../calls/calls.service';
import { DEFAULT_DUE_WORKING_DAYS } from '../jobs/jobs.service';
import { assertProvinceAdmin } from './admin.access';

/** What each setting falls back to when unset (as the modules reading it do). */
const DEFAULTS: Record<AdminSettingKey, unknown> = {
  job_due_working_days: DEFAULT_DUE_WORKING_DAYS,
  feedback_due_working_days: DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
  postal_leg_days: DEFAULT_POSTAL_LEG_DAYS,
  office_hours: DEFAULT_OFFICE_HOURS,
  payment_bank: null,
};

export async function listSettings(db: Db) {
  const rows = await db.select().from(settings).where(inArray(settings.key, ADMIN_SETTING_KEYS));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    items: ADMIN_SETTING_KEYS.map((key) => {
      const r = byKey.get(key);
      return {
        key,
        value: r ? r.value : DEFAULTS[key],
        isDefault: !r,
        updatedAt: r?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

export async function saveSetting(
  db: Db,
  auth: AuthContext,
  key: string,
  value: unknown,
  ip?: string,
) {
  await assertProvinceAdmin(db, auth);
  if (!(ADMIN_SETTING_KEYS as string[]).includes(key)) {
    throw new AppError(404, 'not_found', {
      vi: `Không có cài đặt "${key}".`,
      en: `There is no setting "${key}".`,
    });
  }
  const parsed = ADMIN_SETTING_SCHEMAS[key as AdminSettingKey].safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, { vi: string; en: string }> = {};
    for (const issue of parsed.error.issues) {
      const path = ['value', ...issue.path.map(String)].join('.');
      fields[path] ??= {
        vi: `Giá trị không hợp lệ: ${issue.message}`,
        en: `Invalid value: ${issue.message}`,
      };
    }
    throw validationFailed(fields);
  }
  if (key === 'office_hours') {
    const v = parsed.data as { start: string; end: string };
    if (v.start >= v.end)
      throw validationFailed({
        'value.end': {
          vi: 'Giờ kết thúc phải sau giờ bắt đầu.',
          en: 'The end time must be after the start time.',
        },
      });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, key)).limit(1);
    await tx
      .insert(settings)
      .values({ key, value: parsed.data })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: parsed.data, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'setting.update',
      entityType: 'setting',
      entityId: key,
      before: before ? before.value : null,
      after: parsed.data,
      ip,
    });
    return { key, value: parsed.data, isDefault: false };
  });
}
