import type { Unit } from '@tannha/shared';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';

import { DateField } from '@/components/ui/date-field';
import { namedOptions, SelectOptions } from '@/components/ui/select-options';
import { formatDateTime } from '@/lib/format';

import styles from './dashboard.module.css';
import type { RangePreset } from './date-range';

export type DashboardFiltersProps = {
  units: readonly Unit[];
  preset: RangePreset;
  setPreset: (p: RangePreset) => void;
  /** The dates of the custom range, shown when the preset is `custom`. */
  custom: { from: string; to: string };
  setCustom: Dispatch<SetStateAction<{ from: string; to: string }>>;
  unitId: string;
  setUnitId: (id: string) => void;
  /** Whether the figures are being fetched again, and when the shown ones were computed. */
  refreshing: boolean;
  generatedAt: string | undefined;
};

/** Period (preset or custom dates), unit, and when the figures were last computed. */
export function DashboardFilters({
  units,
  preset,
  setPreset,
  custom,
  setCustom,
  unitId,
  setUnitId,
  refreshing,
  generatedAt,
}: DashboardFiltersProps) {
  const { t } = useTranslation('manager');
  return (
    <form
      className={styles.filters}
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className={styles.presets}>
        <legend>{t('filters.range')}</legend>
        {(['today', '7d', '30d', 'custom'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={styles.preset}
            aria-pressed={preset === p}
            onClick={() => setPreset(p)}
          >
            {t(`filters.${p}`)}
          </button>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <>
          <DateField
            className={styles.field}
            label={t('filters.from')}
            value={custom.from}
            max={custom.to}
            onChange={(from) => from && setCustom((c) => ({ ...c, from }))}
          />
          <DateField
            className={styles.field}
            label={t('filters.to')}
            value={custom.to}
            min={custom.from}
            onChange={(to) => to && setCustom((c) => ({ ...c, to }))}
          />
        </>
      )}
      <label className={styles.field}>
        {t('filters.unit')}
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <SelectOptions options={namedOptions(units)} />
        </select>
      </label>
      <p className={styles.status} role="status">
        {refreshing
          ? t('filters.refreshing')
          : generatedAt
            ? t('filters.updated', { time: formatDateTime(generatedAt) })
            : null}
      </p>
    </form>
  );
}
