import type { PlanRoute } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import styles from './plans.module.css';
import { SelectOptions } from '@/components/ui/select-options';

/** "Move to…": a drop-down of couriers; choosing one hands them the job. */
export function CourierSelect({
  label,
  routes,
  disabled,
  onPick,
}: {
  /** The select's accessible name (names the job). */
  label: string;
  routes: readonly PlanRoute[];
  disabled?: boolean;
  onPick: (courierId: string) => void;
}) {
  const { t } = useTranslation('plans');
  return (
    <label className={styles.move}>
      <select
        aria-label={label}
        value=""
        {...(disabled !== undefined ? { disabled } : {})}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      >
        <SelectOptions
          options={routes.map((c) => ({ value: c.courierId, label: c.courierName }))}
          placeholder={t('stop.moveToPlaceholder')}
        />
      </select>
    </label>
  );
}
