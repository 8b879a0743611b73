import { SMS_STATUSES } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { SelectOptions } from '@/components/ui/select-options';
import { formatDateTime } from '@/lib/format';

import { useSmsOutbox } from '../api/sms.api';
import styles from './sms-outbox.module.css';

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'info' | 'neutral'> = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  delivered: 'success',
  failed: 'danger',
  undelivered: 'danger',
};

/** The SMS outbox: what was (or will be) sent to citizens, and how it went. */
export function SmsOutbox() {
  const { t } = useTranslation('sms');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const outbox = useSmsOutbox(page, status);
  return (
    <div className={styles.wrap}>
      {outbox.data?.transport === 'console' && <Alert tone="info">{t('consoleNote')}</Alert>}
      <label className={styles.filter}>
        {t('status')}{' '}
        <select
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
        >
          <SelectOptions
            options={SMS_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            placeholder={t('all')}
          />
        </select>
      </label>
      <QueryView
        query={outbox}
        empty={
          <EmptyState title={t('empty.title')}>
            <p>{t('empty.body')}</p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <ul className={styles.list}>
              {data.items.map((m) => (
                <li key={m.id} className={styles.item}>
                  <div className={styles.head}>
                    <strong>{m.to}</strong>
                    <Badge tone={TONE[m.status] ?? 'neutral'}>{t(`statuses.${m.status}`)}</Badge>
                    <span className={styles.muted}>{formatDateTime(m.createdAt)}</span>
                    <span className={styles.muted}>
                      {t(`templates.${m.template}` as 'templates.job_created', {
                        defaultValue: m.template,
                      })}
                    </span>
                    {m.attempts > 1 && (
                      <span className={styles.muted}>{t('attempts', { count: m.attempts })}</span>
                    )}
                  </div>
                  <p className={styles.body}>{m.body}</p>
                  {m.error && <p className={styles.error}>{m.error}</p>}
                </li>
              ))}
            </ul>
            <div className={styles.pager}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('prev')}
              </Button>
              <span>{t('page', { page, total: Math.max(1, Math.ceil(data.total / 50)) })}</span>
              <Button
                variant="secondary"
                disabled={page * 50 >= data.total}
                onClick={() => setPage(page + 1)}
              >
                {t('next')}
              </Button>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
