import type { Job } from '@tannha/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { EmptyState } from '@/components/ui/feedback';

import type { OutboxState } from '../offline/outbox';
import { pendingStatusOf } from '../hooks/use-outbox';
import { timeOf } from '../utils/job-day';
import styles from './courier.module.css';
import { JobCard } from './job-card';

type Here = { lat: number; lng: number } | null;

/**
 * Today's jobs in planned order, or a truthful empty state: nothing was given today, or
 * everything given today is done (and how many).
 */
export function TodayJobs({
  jobs,
  doneCount,
  outbox,
  here,
}: {
  jobs: Job[];
  doneCount: number;
  outbox: OutboxState;
  here: Here;
}) {
  const { t } = useTranslation('courier');
  if (jobs.length === 0)
    return doneCount > 0 ? (
      <EmptyState title={t('list.allDoneTitle', { count: doneCount })}>
        <p>{t('list.allDoneBody')}</p>
      </EmptyState>
    ) : (
      <EmptyState title={t('list.emptyTitle')}>
        <p>{t('list.emptyBody')}</p>
      </EmptyState>
    );
  return <JobCards jobs={jobs} outbox={outbox} here={here} label={t('list.label')} />;
}

/** A numbered list of job cards, each with what still waits on the phone for it. */
function JobCards({
  jobs,
  outbox,
  here,
  label,
}: {
  jobs: Job[];
  outbox: OutboxState;
  here: Here;
  label: string;
}) {
  return (
    <ol className={styles.jobList} aria-label={label}>
      {jobs.map((j, i) => (
        <JobCard
          key={j.id}
          job={j}
          index={i}
          pendingStatus={pendingStatusOf(outbox, j.id)}
          from={here}
        />
      ))}
    </ol>
  );
}

/** Jobs booked for a later day, soonest first, each with its date. */
export function UpcomingJobs({
  jobs,
  outbox,
  here,
}: {
  jobs: Job[];
  outbox: OutboxState;
  here: Here;
}) {
  const { t } = useTranslation('courier');
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="upcoming-h">
      <h2 id="upcoming-h" className={styles.sectionTitle}>
        {t('list.upcoming')}
      </h2>
      <p className={styles.muted}>{t('list.upcomingNote')}</p>
      <JobCards jobs={jobs} outbox={outbox} here={here} label={t('list.upcomingLabel')} />
    </section>
  );
}

/** What the courier finished today, latest first: status and the time it was done. */
export function DoneToday({ jobs }: { jobs: Job[] }) {
  const { t } = useTranslation('courier');
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="done-h">
      <h2 id="done-h" className={styles.sectionTitle}>
        {t('list.doneToday')}
      </h2>
      <ul className={styles.doneList} aria-label={t('list.doneLabel')}>
        {jobs.map((j) => (
          <li key={j.id}>
            <Link to={`/courier/jobs/${j.id}`} className={styles.doneLink}>
              <strong>{j.citizen.fullName}</strong>
              <span className={styles.muted}>
                {j.code} · {t(`status.${j.status}` as 'status.new')} ·{' '}
                {t('list.doneAt', { time: timeOf(j.completedAt ?? j.statusChangedAt) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
