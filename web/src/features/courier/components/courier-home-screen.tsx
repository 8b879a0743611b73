import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { cx } from '@/lib/cx';
import { formatDate } from '@/lib/format';

import { useCourierJobs } from '../api/courier.api';
import { CashCard } from './cash-card';
import { JobCard } from './job-card';
import { PositionToggle } from './position-toggle';
import { SyncBar } from './sync-bar';
import styles from './courier.module.css';
import { useLiveCourierJobs } from '../hooks/use-live-courier-jobs';
import { pendingStatusOf, useOutbox } from '../hooks/use-outbox';
import { lastFix } from '../offline/position';

// Leaflet loads only when the courier opens the map: the list must appear fast on a weak network.
const JobsMap = lazy(async () => ({
  default: (await import('./jobs-map')).JobsMap,
}));

/**
 * `/courier`: today's jobs in planned order, the map, what waits to sync, and the cash to hand in.
 * `tileUrl` is the map's tile server (from the app's configuration; absent while it loads).
 */
export function CourierHomeScreen({ tileUrl }: { tileUrl: string | undefined }) {
  const { t } = useTranslation('courier');
  const jobs = useCourierJobs();
  useLiveCourierJobs();
  const outbox = useOutbox();
  const [showMap, setShowMap] = useState(false);
  const here = lastFix();

  let body;
  if (jobs.isError && !jobs.data)
    body = <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  else if (!jobs.data) body = <LoadingState />;
  else if (jobs.data.length === 0)
    body = (
      <EmptyState title={t('list.emptyTitle')}>
        <p>{t('list.emptyBody')}</p>
      </EmptyState>
    );
  else
    body = (
      <>
        <div className={styles.row}>
          <Button variant="secondary" onClick={() => setShowMap(!showMap)} aria-expanded={showMap}>
            {showMap ? t('list.hideMap') : t('list.showMap')}
          </Button>
        </div>
        {showMap && tileUrl !== undefined && (
          <Suspense fallback={<LoadingState />}>
            <JobsMap jobs={jobs.data} tileUrl={tileUrl} here={here} />
          </Suspense>
        )}
        <ol className={styles.jobList} aria-label={t('list.label')}>
          {jobs.data.map((j, i) => (
            <JobCard
              key={j.id}
              job={j}
              index={i}
              pendingStatus={pendingStatusOf(outbox, j.id)}
              from={here}
            />
          ))}
        </ol>
      </>
    );

  return (
    <Page
      title={t('list.title')}
      subtitle={t('list.date', { date: formatDate(new Date()) })}
      compact
    >
      <SyncBar outbox={outbox} />
      <PositionToggle />
      {body}
      <Link
        to="/courier/counter-pickup"
        className={cx(buttonClassName('secondary'), styles.wideLink)}
      >
        {t('counter.open')}
      </Link>
      <Link to="/courier/handover" className={cx(buttonClassName('secondary'), styles.wideLink)}>
        {t('agency.open')}
      </Link>
      <CashCard />
    </Page>
  );
}
