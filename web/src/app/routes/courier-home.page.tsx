import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { useCash, useCourierJobs } from '@/features/courier/api/courier.api';
import { JobCard } from '@/features/courier/components/job-card';
import { PositionToggle } from '@/features/courier/components/position-toggle';
import { SyncBar } from '@/features/courier/components/sync-bar';
import styles from '@/features/courier/components/courier.module.css';
import { useLiveCourierJobs } from '@/features/courier/hooks/use-live-courier-jobs';
import { pendingStatusOf, useOutbox } from '@/features/courier/hooks/use-outbox';
import { lastFix } from '@/features/courier/offline/position';
import { cx } from '@/lib/cx';
import { formatDate, formatMoney } from '@/lib/format';

// Leaflet loads only when the courier opens the map: the list must appear fast on a weak network.
const JobsMap = lazy(async () => ({
  default: (await import('@/features/courier/components/jobs-map')).JobsMap,
}));

/** `/courier`: today's jobs in planned order, the map, what waits to sync, and the cash to hand in. */
export function CourierHomePage() {
  const { t } = useTranslation('courier');
  const jobs = useCourierJobs();
  useLiveCourierJobs();
  const outbox = useOutbox();
  const cash = useCash();
  const config = useAppConfig();
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
        {showMap && config.data && (
          <Suspense fallback={<LoadingState />}>
            <JobsMap jobs={jobs.data} tileUrl={config.data.mapTileUrl} here={here} />
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
      <Link to="/courier/handover" className={cx(buttonClassName('secondary'), styles.wideLink)}>
        {t('agency.open')}
      </Link>
      {cash.data && (
        <section className={styles.card} aria-labelledby="cash-h">
          <h2 id="cash-h">{t('cash.title')}</h2>
          <p className={styles.total}>
            {t('cash.toHandIn')}:{' '}
            <strong data-testid="cash-total">{formatMoney(cash.data.cashToHandInVnd)}</strong>
          </p>
          <p className={styles.muted}>
            {t('cash.byFlow', {
              fee: formatMoney(cash.data.byFlow.procedureFee),
              postal: formatMoney(cash.data.byFlow.postalCharge),
            })}
            {cash.data.pendingTransfersVnd > 0 &&
              ` · ${t('cash.pendingTransfers', { amount: formatMoney(cash.data.pendingTransfersVnd) })}`}
          </p>
        </section>
      )}
    </Page>
  );
}
