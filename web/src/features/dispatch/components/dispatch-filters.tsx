import { JOB_TYPES, type JobType } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import type { DispatchBoard, DispatchScope } from '../hooks/use-dispatch-board';
import styles from './dispatch.module.css';
import { SelectOptions } from '@/components/ui/select-options';

/** Search, scope (open / unassigned / red / overdue) and job type of the board's job list. */
export function DispatchFilters({ filters }: { filters: DispatchBoard['filters'] }) {
  const { t } = useTranslation('dispatch');
  const { t: tj } = useTranslation('jobs');
  return (
    <fieldset className={styles.filters}>
      <legend className={styles.muted}>{t('filters.label')}</legend>
      <label>
        {t('filters.search')}
        <input
          type="search"
          value={filters.q}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => filters.setQ(e.target.value)}
        />
      </label>
      <div className={styles.row}>
        <label>
          {t('filters.scope')}
          <select
            value={filters.scope}
            onChange={(e) => filters.setScope(e.target.value as DispatchScope)}
          >
            <option value="open">{t('filters.open')}</option>
            <option value="unassigned">{t('filters.unassigned')}</option>
            <option value="red">{t('filters.red')}</option>
            <option value="overdue">{t('filters.overdue')}</option>
          </select>
        </label>
        <label>
          {t('filters.type')}
          <select
            value={filters.type}
            onChange={(e) => filters.setType(e.target.value as JobType | '')}
          >
            <SelectOptions
              options={JOB_TYPES.map((k) => ({ value: k, label: tj(`type.${k}`) }))}
              placeholder={t('filters.allTypes')}
            />
          </select>
        </label>
      </div>
    </fieldset>
  );
}
