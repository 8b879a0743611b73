import { maskPhone } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { formatDateTime } from '@/lib/format';

import { useTodayCalls } from '../api/calls.api';
import styles from './operator-console.module.css';

/** Today's calls; a ticket opens its call. */
export function TodayCalls({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('operator');
  const calls = useTodayCalls();
  return (
    <section className={styles.card} aria-labelledby="today-heading">
      <div className={styles.cardHead}>
        <h2 id="today-heading">{t('today.title')}</h2>
        {calls.data && (
          <span className={styles.muted}>{t('today.count', { count: calls.data.total })}</span>
        )}
      </div>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <EmptyState title={t('today.empty')} headingLevel={3} />
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>{t('today.ticket')}</th>
              <th>{t('today.time')}</th>
              <th>{t('today.caller')}</th>
              <th>{t('call.category')}</th>
              <th>{t('today.outcome')}</th>
              <th>{t('today.job')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" className={styles.linkButton} onClick={() => onOpen(c.id)}>
                    {c.ticketCode}
                  </button>
                </td>
                <td>{formatDateTime(c.startedAt).slice(0, 5)}</td>
                <td>
                  {c.citizenName ?? c.callerName ?? '—'}{' '}
                  <span className={styles.muted}>{maskPhone(c.callerPhone)}</span>
                </td>
                <td>{c.category ? t(`category.${c.category}`) : '—'}</td>
                <td>
                  {c.outcome ? t(`outcome.${c.outcome}`) : c.closedAt ? '—' : t('today.inProgress')}
                </td>
                <td>{c.jobCode ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
