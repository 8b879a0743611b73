import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { QueryView } from '@/components/ui/query-view';
import { formatDateTime, formatPhone } from '@/lib/format';

import { useCallbacks, useCompleteCallback } from '../api/calls.api';
import styles from './operator-console.module.css';

/** The operator's open callbacks, overdue ones marked. */
export function CallbacksDue() {
  const { t } = useTranslation('operator');
  const callbacks = useCallbacks();
  const complete = useCompleteCallback();
  return (
    <section className={styles.card} aria-labelledby="callbacks-heading">
      <h2 id="callbacks-heading">{t('callbacks.title')}</h2>
      <QueryView query={callbacks} empty={<p className={styles.muted}>{t('callbacks.empty')}</p>}>
        {(data) => (
          <ul className={styles.callbacks}>
            {data.items.slice(0, 12).map((c) => (
              <li key={c.id} className={c.overdue ? styles.overdue : undefined}>
                <div>
                  <strong>{formatPhone(c.phone)}</strong> {c.citizenName && <>· {c.citizenName}</>}
                </div>
                <div className={styles.muted}>
                  {t(`callbacks.reason.${c.reason}`)} ·{' '}
                  {c.overdue ? t('callbacks.overdueSince') : t('callbacks.dueAt')}{' '}
                  {formatDateTime(c.dueAt)}
                </div>
                <Button
                  variant="ghost"
                  onClick={() => complete.mutate(c.id)}
                  disabled={complete.isPending}
                >
                  {t('callbacks.done')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
