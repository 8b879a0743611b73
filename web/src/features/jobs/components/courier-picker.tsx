import type { Courier, JobCouriers } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Alert } from '@/components/ui/feedback';
import { SelectOptions } from '@/components/ui/select-options';

import styles from './jobs.module.css';

/**
 * "Hoặc chọn bưu tá": only the couriers the server will accept for the job (its unit and
 * below, active accounts), those on shift first and the others under their own heading; a
 * line says whose couriers these are and how many of the caller's other couriers are left
 * out. A courier picked on the map who cannot take the job is named, not silently chosen.
 */
export function CourierPicker({
  data,
  value,
  preselected,
  onChange,
}: {
  data: JobCouriers;
  value: string;
  /** The courier clicked on the map, if any. */
  preselected: { id: string; fullName: string } | undefined;
  onChange: (courierId: string) => void;
}) {
  const { t } = useTranslation('jobs');
  const option = (c: Courier) => ({
    value: c.id,
    label: `${c.fullName} · ${c.unitName} · ${t('assign.load', { count: c.openJobs })}`,
  });
  const onDuty = data.items.filter((c) => c.onDuty);
  const offDuty = data.items.filter((c) => !c.onDuty);
  const refused =
    preselected && !data.items.some((c) => c.id === preselected.id) ? preselected : undefined;
  return (
    <>
      <label className={styles.muted}>
        {t('assign.orPick')}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <SelectOptions options={[]} placeholder={t('assign.pick')} />
          {onDuty.length > 0 && (
            <optgroup label={t('assign.onDutyGroup')}>
              <SelectOptions options={onDuty.map(option)} />
            </optgroup>
          )}
          {offDuty.length > 0 && (
            <optgroup label={t('assign.offDutyGroup')}>
              <SelectOptions options={offDuty.map(option)} />
            </optgroup>
          )}
        </select>
      </label>
      <p className={styles.muted}>
        {t('assign.who', { unit: data.unitName })}
        {data.otherUnits > 0 && ` ${t('assign.otherUnits', { count: data.otherUnits })}`}
        {offDuty.length > 0 && ` ${t('assign.offDutyNote', { count: offDuty.length })}`}
      </p>
      {data.items.length === 0 && <Alert tone="warning">{t('assign.nobody')}</Alert>}
      {refused && (
        <Alert tone="warning">
          {t('assign.notEligible', { name: refused.fullName, unit: data.unitName })}
        </Alert>
      )}
    </>
  );
}
