import type { JobEvent } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';

import styles from './jobs.module.css';

/** A job's append-only history: what happened, who did it, when (and why). */
export function JobTimeline({ events }: { events: readonly JobEvent[] }) {
  const { t } = useTranslation('jobs');
  if (events.length === 0) return <p className={styles.muted}>{t('detail.noEvents')}</p>;
  return (
    <ol className={styles.timeline}>
      {events.map((e) => (
        <li key={e.id}>
          <div className={styles.eventHead}>
            {e.toStatus && e.kind === 'transition'
              ? t(`status.${e.toStatus}`)
              : t(`eventKind.${e.kind as 'created'}`, { defaultValue: e.kind })}
          </div>
          <div className={styles.eventMeta}>
            {formatDateTime(e.occurredAt)}
            {e.actor && ` · ${t('detail.by', { name: e.actor.fullName })}`}
          </div>
          {e.reason && <div>{e.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
