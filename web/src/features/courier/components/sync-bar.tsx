import { formatVnDate, toVnDate } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { discard, retryAll, syncNow, type OutboxState } from '../offline/outbox';
import { timeOf, vnToday } from '../utils/job-day';
import styles from './courier.module.css';

/** When a waiting action happened, in Vietnam: the time, and the date when not today. */
function whenOf(iso: string): string {
  const day = toVnDate(new Date(iso));
  return day === vnToday() ? timeOf(iso) : `${timeOf(iso)} ${formatVnDate(day)}`;
}

/** What waits to be sent, whether the phone is online, and what the server refused. */
export function SyncBar({ outbox }: { outbox: OutboxState }) {
  const { t } = useTranslation('courier');
  const pending = outbox.actions.filter((a) => a.state === 'pending');
  const failed = outbox.actions.filter((a) => a.state === 'failed');
  if (outbox.actions.length === 0) {
    return outbox.online ? null : (
      <p className={styles.offlineBar} role="status">
        {t('sync.offlineEmpty')}
      </p>
    );
  }
  return (
    <section className={styles.syncBar} aria-live="polite" aria-label={t('sync.title')}>
      <p>
        <strong>{t('sync.waiting', { count: outbox.actions.length })}</strong>
        {' · '}
        {outbox.online
          ? outbox.syncing
            ? t('sync.sending')
            : t('sync.online')
          : t('sync.offline')}
        {outbox.progress !== null && ` · ${Math.round(outbox.progress * 100)}%`}
      </p>
      <ol className={styles.syncList}>
        {pending.concat(failed).map((a) => (
          <li key={a.id}>
            {a.label} · {whenOf(a.occurredAt)}
            {a.state === 'failed' && (
              <>
                <span className={styles.errorText}> — {a.error}</span>
                <Button variant="ghost" onClick={() => void discard(a.seq!)}>
                  {t('sync.discard')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ol>
      {outbox.online && (
        <Button variant="secondary" onClick={() => void (failed.length ? retryAll() : syncNow())}>
          {t('sync.retry')}
        </Button>
      )}
    </section>
  );
}
