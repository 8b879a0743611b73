import { addDays, toVnDate } from '@tannha/shared';

export type RangePreset = 'today' | '7d' | '30d' | 'custom';

/** The local (Vietnam) date range of a preset, ending today. */
export function presetRange(
  preset: Exclude<RangePreset, 'custom'>,
  now = new Date(),
): { from: string; to: string } {
  const today = toVnDate(now);
  const days = preset === 'today' ? 0 : preset === '7d' ? 6 : 29;
  return { from: addDays(today, -days), to: today };
}
