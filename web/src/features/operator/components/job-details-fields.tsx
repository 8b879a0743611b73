import { dayOfWeek, POSTAL_LEG_TIERS, type PostalLegTier } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { formatDate } from '@/lib/format';

import { WINDOWS, type JobDraft } from '../utils/drafts';
import { Field } from './field';
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
        <Field label={t('job.date')}>
          <select value={job.date} onChange={(e) => onChange({ date: e.target.value })}>
            <option value="">{t('job.anyDay')}</option>
            {nextDays.map((d) => (
              <option key={d} value={d}>
                {t(`weekday.${dayOfWeek(d)}` as 'weekday.1')} {formatDate(d)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('job.window')}>
          <select value={job.window} onChange={(e) => onChange({ window: e.target.value })}>
            <option value="">{t('job.anyTime')}</option>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </Field>
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
      <Field label={t('job.postalLegTier')}>
        <select
          value={job.postalLegTier}
          onChange={(e) => onChange({ postalLegTier: e.target.value as PostalLegTier })}
        >
          {POSTAL_LEG_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`postalLegTier.${tier}`, { ns: 'jobs' })}
            </option>
          ))}
        </select>
        <small className={styles.muted}>{t('job.postalLegHint')}</small>
      </Field>
    </>
  );
}
