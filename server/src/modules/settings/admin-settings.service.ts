import {
  ADMIN_SETTING_KEYS,
  ADMIN_SETTING_SCHEMAS,
  type AdminSettingItem,
  type AdminSettingKey,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, validationFailed, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { SETTINGS } from './settings.definitions';
import { findSettingRow, findSettingRows, upsertSetting } from './settings.repository';

/** The settings an admin edits, each with its stored value or (unset) its fallback. */
export async function listSettings(db: Db): Promise<{ items: AdminSettingItem[] }> {
  const byKey = new Map((await findSettingRows(db, ADMIN_SETTING_KEYS)).map((r) => [r.key, r]));
  return {
    items: ADMIN_SETTING_KEYS.map((key) => {
      const r = byKey.get(key);
      return {
        key,
        value: r ? r.value : SETTINGS[key].fallback,
        isDefault: !r,
        updatedAt: r?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

/** The value checked against the setting's admin schema (422 naming each wrong field). */
function checkedValue(key: AdminSettingKey, value: unknown): unknown {
  const parsed = ADMIN_SETTING_SCHEMAS[key].safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, LocalizedText> = {};
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
  return parsed.data;
}

/** Saves one setting (province admins only; audited with its value before). */
export async function saveSetting(
  db: Db,
  auth: AuthContext,
  key: string,
  value: unknown,
  ip?: string,
) {
  assertCan(auth, 'settings.update', { key });
  if (!(ADMIN_SETTING_KEYS as string[]).includes(key)) {
    throw new AppError(404, 'not_found', {
      vi: `Không có cài đặt "${key}".`,
      en: `There is no setting "${key}".`,
    });
  }
  const data = checkedValue(key as AdminSettingKey, value);
  return db.transaction(async (tx) => {
    const before = await findSettingRow(tx, key);
    await upsertSetting(tx, key, data);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'setting.update',
      entityType: 'setting',
      entityId: key,
      before: before ? before.value : null,
      after: data,
      ip,
    });
    return { key, value: data, isDefault: false };
  });
}
