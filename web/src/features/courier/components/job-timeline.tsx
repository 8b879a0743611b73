import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';

import { useJobEvents } from '../api/courier.api';
import styles from './courier.module.css';

/** The job's history, oldest first: each step with its time, who did it and why (never a raw key). */
export function JobTimeline({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const events = useJobEvents(id);
  // A kind or status without words yet reads as a generic update, never as its raw key.
  const eventLabel = (e: { kind: string; toStatus: string | null }) =>
    e.toStatus
      ? t(`status.${e.toStatus}` as 'status.new', { defaultValue: t('eventKind.other') })
      : t(`eventKind.${e.kind}` as 'eventKind.created', { defaultValue: t('eventKind.other') });
  if (!events.data) return null;
  return (
    <section className={styles.card} aria-labelledby="tl-h">
      <h2 id="tl-h">{t('job.timeline')}</h2>
      <ol className={styles.timeline}>
        {events.data.map((e) => (
          <li key={e.id}>
            <strong>{eventLabel(e)}</strong>
            {` · ${formatDateTime(e.occurredAt)}`}
            {e.actor && ` · ${e.actor.fullName}`}
            {e.reason && ` · ${e.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
