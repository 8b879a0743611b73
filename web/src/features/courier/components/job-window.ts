import type { Job } from '@tannha/shared';
import type { TFunction } from 'i18next';

import { windowParts } from '../utils/job-day';

/**
 * The appointment as the courier reads it: "Hẹn 08:00–10:00" today, with the date on any other
 * day ("… ngày 03/12/2026"), and "Chưa hẹn giờ" when no time was agreed.
 */
export function windowText(
  t: TFunction<'courier'>,
  job: Pick<Job, 'windowStart' | 'windowEnd'>,
  today: string,
): string {
  const w = windowParts(job, today);
  if (w.kind === 'none') return t('list.noWindow');
  if (w.to === null)
    return w.date
      ? t('list.windowFromOn', { from: w.from, date: w.date })
      : t('list.windowFrom', { from: w.from });
  return w.date
    ? t('list.windowOn', { from: w.from, to: w.to, date: w.date })
    : t('list.window', { from: w.from, to: w.to });
}
