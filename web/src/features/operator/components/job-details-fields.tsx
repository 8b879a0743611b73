import { dayOfWeek, POSTAL_LEG_TIERS, type PostalLegTier } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { formatDate } from '@/lib/format';

import { WINDOWS, type JobDraft } from '../utils/drafts';
import { Field, SelectField } from './field';
import styles from './operator-console.module.css';

/** When the visit happens (day, window), the dossier of a delivery, notes, the postal leg. */
export function JobDetailsFields({
  job,
  onChange,
  nextDays,
}: {
  job: JobDraft;
  onChange: (patch: Partial<JobDraft>) => void;
  nextDays: readonly string[];
}) {
  const { t } = useTranslation('operator');
  return (
    <>
      <div className={styles.row}>
        <SelectField
          label={t('job.date')}
          value={job.date}
          onChange={(date) => onChange({ date })}
          placeholder={t('job.anyDay')}
          options={nextDays.map((d) => ({
            value: d,
            label: `${t(`weekday.${dayOfWeek(d)}` as 'weekday.1')} ${formatDate(d)}`,
          }))}
        />
        <SelectField
          label={t('job.window')}
          value={job.window}
          onChange={(window) => onChange({ window })}
          placeholder={t('job.anyTime')}
          options={WINDOWS.map((w) => ({ value: w, label: w }))}
        />
        {job.type === 'result_delivery' && (
          <Field label={t('job.dossierCode')}>
            <input
              value={job.dossierCode}
              onChange={(e) => onChange({ dossierCode: e.target.value.toUpperCase() })}
              placeholder="H48.19.10-260315-0042"
            />
          </Field>
        )}
      </div>
      <Field label={t('job.notes')}>
        <input
          value={job.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
          autoComplete="off"
        />
      </Field>
      <SelectField
        label={t('job.postalLegTier')}
        value={job.postalLegTier}
        onChange={(tier) => onChange({ postalLegTier: tier as PostalLegTier })}
        options={POSTAL_LEG_TIERS.map((tier) => ({
          value: tier,
          label: t(`postalLegTier.${tier}`, { ns: 'jobs' }),
        }))}
      >
        <small className={styles.muted}>{t('job.postalLegHint')}</small>
      </SelectField>
    </>
  );
}
