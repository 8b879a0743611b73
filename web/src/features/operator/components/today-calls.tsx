import { maskPhone, type CallList } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { TableHead } from '@/components/ui/table-head';
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
      <QueryView query={calls} empty={<EmptyState title={t('today.empty')} headingLevel={3} />}>
        {(data) => (
          <table className={styles.table}>
            <TableHead
              columns={[
                t('today.ticket'),
                t('today.time'),
                t('today.caller'),
                t('call.category'),
                t('today.outcome'),
                t('today.job'),
              ]}
            />
            <tbody>
              {data.items.map((c) => (
                <CallRow key={c.id} call={c} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}

/** One of today's calls; its ticket opens it. */
function CallRow({
  call: c,
  onOpen,
}: {
  call: CallList['items'][number];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('operator');
  return (
    <tr>
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
      <td>{c.outcome ? t(`outcome.${c.outcome}`) : c.closedAt ? '—' : t('today.inProgress')}</td>
      <td>{c.jobCode ?? ''}</td>
    </tr>
  );
}
