import type { UnplacedJob } from '@tannha/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { formatDateTime } from '@/lib/format';

import styles from './dispatch.module.css';

/**
 * "Chưa có vị trí": open jobs nobody has placed on the map yet, oldest first; "Ghim" opens the
 * job's drawer straight at the pin picker. Nothing waits unseen.
 */
export function UnplacedList({
  jobs,
  onPin,
}: {
  jobs: Pick<UseQueryResult<UnplacedJob[]>, 'data' | 'isError' | 'error' | 'isLoading' | 'refetch'>;
  onPin: (jobId: string) => void;
}) {
  const { t } = useTranslation('dispatch');
  const items = jobs.data ?? [];
  return (
    <>
      {jobs.isError && <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isLoading && <LoadingState />}
      {jobs.data && items.length === 0 && (
        <EmptyState title={t('unplaced.emptyTitle')} headingLevel={3}>
          {t('unplaced.empty')}
        </EmptyState>
      )}
      <ul className={styles.list} aria-label={t('tabs.unplaced', { count: items.length })}>
        {items.map((j) => (
          <li key={j.id} className={styles.unplacedItem}>
            <span className={styles.itemMain}>
              <span>{j.code}</span>
              <Button
                variant="secondary"
                onClick={() => onPin(j.id)}
                aria-label={t('unplaced.pinJob', { code: j.code })}
              >
                {t('unplaced.pin')}
              </Button>
            </span>
            <span className={styles.itemSub}>
              {j.citizenName} · {j.addressText}
            </span>
            <span className={styles.itemSub}>
              {j.unitName} · {t('unplaced.since', { time: formatDateTime(j.createdAt) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
