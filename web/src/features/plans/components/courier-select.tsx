import type { PlanRoute } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import styles from './plans.module.css';
import { SelectOptions } from '@/components/ui/select-options';

/**
 * "Move to…": a drop-down of the couriers who may take the job (`courierIds`, from the
 * server: its unit and below); choosing one hands them the job. The others are not offered,
 * and a last, disabled line says how many were left out and why.
 */
export function CourierSelect({
  label,
  routes,
  courierIds,
  disabled,
  onPick,
}: {
  /** The select's accessible name (names the job). */
  label: string;
  /** The plan's other couriers. */
  routes: readonly PlanRoute[];
  /** The couriers the job may go to. */
  courierIds: readonly string[];
  disabled?: boolean;
  onPick: (courierId: string) => void;
}) {
  const { t } = useTranslation('plans');
  const offered = routes.filter((r) => courierIds.includes(r.courierId));
  const hidden = routes.length - offered.length;
  return (
    <label className={styles.move}>
      <select
        aria-label={label}
        value=""
        {...(disabled !== undefined ? { disabled } : {})}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      >
        <SelectOptions
          options={offered.map((c) => ({ value: c.courierId, label: c.courierName }))}
          placeholder={t('stop.moveToPlaceholder')}
        />
        {hidden > 0 && (
          <option value="" disabled>
            {t('stop.otherUnits', { count: hidden })}
          </option>
        )}
      </select>
    </label>
  );
}
