import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { cx } from '@/lib/cx';
import { formatDate } from '@/lib/format';

import { useCourierFinished, useCourierJobs } from '../api/courier.api';
import { finishedOn, splitByDay, vnToday } from '../utils/job-day';
import { CashCard } from './cash-card';
import { DoneToday, TodayJobs, UpcomingJobs } from './job-sections';
import { PositionToggle } from './position-toggle';
import { SyncBar } from './sync-bar';
import styles from './courier.module.css';
import { useLiveCourierJobs } from '../hooks/use-live-courier-jobs';
import { useOutbox } from '../hooks/use-outbox';
import { lastFix } from '../offline/position';

// Leaflet loads only when the courier opens the map: the list must appear fast on a weak network.
const JobsMap = lazy(async () => ({
  default: (await import('./jobs-map')).JobsMap,
}));

/**
 * `/courier`: today's jobs in planned order, then the upcoming ones with their dates and what
 * was finished today; the map, what waits to sync, and the cash to hand in.
 * `tileUrl` is the map's tile server (from the app's configuration; absent while it loads).
 */
export function CourierHomeScreen({ tileUrl }: { tileUrl: string | undefined }) {
  const { t } = useTranslation('courier');
  const jobs = useCourierJobs();
  const finished = useCourierFinished();
  useLiveCourierJobs();
  const outbox = useOutbox();
  const [showMap, setShowMap] = useState(false);
  const here = lastFix();

  const today = vnToday();
  const done = finishedOn(finished.data ?? [], today);
  let body;
  if (jobs.isError && !jobs.data)
    body = <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  else if (!jobs.data) body = <LoadingState />;
  else {
    const split = splitByDay(jobs.data, today);
    body = (
      <>
        {jobs.data.length > 0 && (
          <div className={styles.row}>
            <Button
              variant="secondary"
              onClick={() => setShowMap(!showMap)}
              aria-expanded={showMap}
            >
              {showMap ? t('list.hideMap') : t('list.showMap')}
            </Button>
          </div>
        )}
        {showMap && tileUrl !== undefined && (
          <Suspense fallback={<LoadingState />}>
            <JobsMap jobs={split.today} tileUrl={tileUrl} here={here} />
          </Suspense>
        )}
        <TodayJobs jobs={split.today} doneCount={done.length} outbox={outbox} here={here} />
        <UpcomingJobs jobs={split.upcoming} outbox={outbox} here={here} />
        <DoneToday jobs={done} />
      </>
    );
  }

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
