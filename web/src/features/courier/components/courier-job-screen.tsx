import type { Job, JobStatus } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Badge, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { formatMoney } from '@/lib/format';

import { useCourierJob } from '../api/courier.api';
import { pendingStatusOf, useOutbox } from '../hooks/use-outbox';
import { BackToToday } from './back-to-today';
import styles from './courier.module.css';
import { isUpcoming, vnToday } from '../utils/job-day';
import { windowText } from './job-window';
import { JobSteps } from './job-steps';
import { JobTimeline } from './job-timeline';
import { SyncBar } from './sync-bar';

/** `/courier/jobs/:id`: one job, step by step along the state machine. */
export function CourierJobScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const job = useCourierJob(id);
  const outbox = useOutbox();
  if (job.isError && !job.data)
    return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <LoadingState />;
  const j = job.data;
  const pending = pendingStatusOf(outbox, j.id) as JobStatus | undefined;
  const status = pending ?? j.status;
  return (
    <Page
      title={t('job.title', { code: j.code })}
      subtitle={t(`type.${j.type}` as 'type.result_delivery')}
      compact
    >
      <BackToToday />
      <SyncBar outbox={outbox} />
      <JobSummary job={j} status={status} pending={!!pending} />
      <JobSteps job={j} status={status} waiting={!!pending} />
      <JobTimeline id={j.id} />
    </Page>
  );
}

/** Who, where, when and how much: the card at the top of the job screen. */
function JobSummary({
  job: j,
  status,
  pending,
}: {
  job: Job;
  status: JobStatus;
  pending: boolean;
}) {
  const { t } = useTranslation('courier');
  const today = vnToday();
  return (
    <section className={styles.card} aria-label={t('job.summary')}>
      <p className={styles.jobTitle}>
        {j.citizen.fullName}{' '}
        <Badge tone={pending ? 'warning' : 'info'}>{t(`status.${status}` as 'status.new')}</Badge>
      </p>
      {pending && <p className={styles.pendingNote}>{t('job.pendingStatus')}</p>}
      <p>{j.addressText}</p>
      <p className={isUpcoming(j, today) ? styles.pendingNote : styles.muted}>
        {windowText(t, j, today)}
      </p>
      {j.procedure && (
        <p className={styles.muted}>{t('job.procedure', { name: j.procedure.name })}</p>
      )}
      {j.dossierCode && <p className={styles.muted}>{t('job.dossier', { code: j.dossierCode })}</p>}
      {j.notes && (
        <div>
          <h2 className={styles.noteTitle}>{t('job.note')}</h2>
          <p className={styles.note}>{j.notes}</p>
        </div>
      )}
      <p className={styles.muted}>
        {t('list.collect', { amount: formatMoney(j.feeDueVnd + j.postalChargeVnd) })}
      </p>
      <div className={styles.row}>
        {j.citizen.phone && (
          <a className={styles.linkButton} href={`tel:${j.citizen.phone}`}>
            {t('job.call')}
          </a>
        )}
        {j.lat !== null && j.lng !== null && (
          <a className={styles.linkButton} href={`geo:${j.lat},${j.lng}?q=${j.lat},${j.lng}`}>
            {t('job.navigate')}
          </a>
        )}
      </div>
    </section>
  );
}
