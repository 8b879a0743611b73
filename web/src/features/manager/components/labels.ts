import { useTranslation } from 'react-i18next';

export type LabelGroup = 'category' | 'outcome' | 'type' | 'status' | 'method' | 'flow';

/** The label of a report key (`labels.<group>.<key>`), the key itself when none is written. */
export function useLabel() {
  const { t } = useTranslation('manager');
  return (group: LabelGroup, key: string) =>
    t(`labels.${group}.${key}` as 'labels.method.cash', { defaultValue: key });
}

/** An average duration as hours and minutes, in the page's language. */
export function duration(seconds: number | null, locale: string): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return locale === 'en' ? `${h} h ${m} min` : `${h} giờ ${m} phút`;
}
