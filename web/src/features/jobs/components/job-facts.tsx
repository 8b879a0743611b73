import type { Job } from '@tannha/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDate, formatDateTime, formatMoney, formatPhone, formatWindow } from '@/lib/format';

import styles from './jobs.module.css';

/** One term of the facts list and its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What a dispatcher needs to know about a job: citizen, place, procedure, dates, money, courier. */
export function JobFacts({ job: j }: { job: Job }) {
  const { t } = useTranslation('jobs');
  return (
    <dl className={styles.facts}>
      <Fact label={t('detail.citizen')}>{j.citizen.fullName}</Fact>
      <Fact label={t('detail.phone')}>
        {j.citizen.phone ? formatPhone(j.citizen.phone) : j.citizen.phoneMasked}
      </Fact>
      {j.procedure && <Fact label={t('detail.procedure')}>{j.procedure.name}</Fact>}
      {j.dossierCode && <Fact label={t('detail.dossierCode')}>{j.dossierCode}</Fact>}
      <Fact label={t('detail.due')}>{j.dueDate ? formatDate(j.dueDate) : t('detail.noDue')}</Fact>
      <Fact label={t('detail.postalLeg')}>
        {t(`postalLegTier.${j.postalLegTier}`)}
        {' · '}
        {j.legDueDate
          ? t('detail.legDue', { date: formatDate(j.legDueDate) })
          : t('detail.legNotStarted')}
      </Fact>
      <Fact label={t('detail.window')}>
        {formatWindow(j.windowStart, j.windowEnd) ?? t('detail.noWindow')}
      </Fact>
      <Fact label={t('detail.fees')}>
        {formatMoney(j.feeDueVnd)} / {formatMoney(j.postalChargeVnd)}
      </Fact>
      <Fact label={t('detail.courier')}>
        {j.courier ? (
          <>
            {j.courier.fullName}{' '}
            {j.assignedAt && (
              <span className={styles.muted}>
                ({t('detail.since', { time: formatDateTime(j.assignedAt) })})
              </span>
            )}
          </>
        ) : (
          t('detail.noCourier')
        )}
      </Fact>
      {j.notes && <Fact label={t('detail.notes')}>{j.notes}</Fact>}
    </dl>
  );
}
