import type { DbOrTx } from '../../db/client';
import { SETTINGS, type SettingKey, type SettingValue } from './settings.definitions';
import { findSettingRow } from './settings.repository';

export { SETTINGS, type SettingKey, type SettingValue } from './settings.definitions';

/**
 * One setting, typed: the stored value when it has the setting's shape, else its fallback.
 * The only way modules read the settings table.
 */
export async function getSetting<K extends SettingKey>(
  db: DbOrTx,
  key: K,
): Promise<SettingValue<K>> {
  const row = await findSettingRow(db, key);
  return parseSetting(key, row?.value);
}

/** A raw stored value read as setting `key` (fallback when absent or malformed). */
export function parseSetting<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
  const def = SETTINGS[key];
  if (raw === undefined) return def.fallback as SettingValue<K>;
  const parsed = def.schema.safeParse(raw);
  return (parsed.success ? parsed.data : def.fallback) as SettingValue<K>;
}
