import type { PlanRoute } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import styles from './plans.module.css';

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
        <option value="">{t('stop.moveToPlaceholder')}</option>
        {routes.map((c) => (
          <option key={c.courierId} value={c.courierId}>
            {c.courierName}
          </option>
        ))}
      </select>
    </label>
  );
}
