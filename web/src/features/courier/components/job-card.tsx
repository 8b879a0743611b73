import { haversineKm, POSTAL_LEG_OVER_STATUSES, type Job, type JobStatus } from '@tannha/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/feedback';
import { formatDate, formatMoney } from '@/lib/format';

import { vnToday } from '../utils/job-day';
import styles from './courier.module.css';
import { windowText } from './job-window';

/**
 * One job in the courier's lists: order, status, appointment (with its date when not today),
 * distance, money to collect, the hotline's note on one line, call and navigate.
 */
export function JobCard({
  job,
  index,
  pendingStatus,
  from,
}: {
  job: Job;
  index: number;
  pendingStatus?: string | undefined;
  from: { lat: number; lng: number } | null;
}) {
  const { t } = useTranslation('courier');
  const today = vnToday();
  const status = pendingStatus ?? job.status;
  const toCollect = job.feeDueVnd + job.postalChargeVnd;
  const km =
    from && job.lat !== null && job.lng !== null
      ? haversineKm(from, { lat: job.lat, lng: job.lng })
      : null;
  return (
    <li className={styles.jobCard}>
      <Link to={`/courier/jobs/${job.id}`} className={styles.jobLink}>
        {/* Heard first, then everything the card shows (status, window, money). */}
        <span className="visually-hidden">
          {t('list.open', { code: job.code, name: job.citizen.fullName })}{' '}
        </span>
        <span className={styles.order}>{job.routeOrder ?? index + 1}</span>
        <span className={styles.jobMain}>
          <span className={styles.jobTitle}>
            {job.citizen.fullName}{' '}
            <Badge tone={pendingStatus ? 'warning' : 'info'}>
              {t(`status.${status}` as 'status.new')}
            </Badge>
          </span>
          <span className={styles.muted}>
            {t(`type.${job.type}` as 'type.result_delivery')} · {job.code}
          </span>
          <span>{job.addressText}</span>
          <span className={styles.muted}>
            {windowText(t, job, today)}
            {km !== null && ` · ${t('list.km', { km: km.toFixed(1).replace('.', ',') })}`}
            {toCollect > 0 && ` · ${t('list.collect', { amount: formatMoney(toCollect) })}`}
          </span>
          {job.legDueDate && !POSTAL_LEG_OVER_STATUSES.includes(status as JobStatus) && (
            <span className={job.late ? styles.pendingNote : styles.muted}>
              {t('list.legDue', { date: formatDate(job.legDueDate) })}
            </span>
          )}
          {job.notes && (
            <span className={styles.noteLine}>{t('list.note', { note: job.notes })}</span>
          )}
          {pendingStatus && <span className={styles.pendingNote}>{t('list.waitingSync')}</span>}
        </span>
      </Link>
      <span className={styles.quick}>
        {job.citizen.phone && (
          <a
            href={`tel:${job.citizen.phone}`}
            className={styles.iconButton}
            aria-label={t('list.call', { name: job.citizen.fullName })}
          >
            ☎
          </a>
        )}
        {job.lat !== null && job.lng !== null && (
          <a
            href={`geo:${job.lat},${job.lng}?q=${job.lat},${job.lng}`}
            className={styles.iconButton}
            aria-label={t('list.navigate', { address: job.addressText })}
          >
            ➤
          </a>
        )}
      </span>
    </li>
  );
}
