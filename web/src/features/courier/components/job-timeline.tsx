import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';

import { useJobEvents } from '../api/courier.api';
import styles from './courier.module.css';

/** Kinds of job events the courier's screens name; any other kind reads as "Cập nhật". */
const KINDS = [
  'created',
  'assign',
  'reassign',
  'unassign',
  'route_planned',
  'located',
  'note',
  'update',
];

/** The job's history, oldest first: each step with its time, who did it and why (never a raw key). */
export function JobTimeline({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const events = useJobEvents(id);
  if (!events.data) return null;
  return (
    <section className={styles.card} aria-labelledby="tl-h">
      <h2 id="tl-h">{t('job.timeline')}</h2>
      <ol className={styles.timeline}>
        {events.data.map((e) => (
          <li key={e.id}>
            <strong>
              {e.toStatus
                ? t(`status.${e.toStatus}` as 'status.new')
                : t(`event.${KINDS.includes(e.kind) ? e.kind : 'other'}` as 'event.other')}
            </strong>{' '}
            · {formatDateTime(e.occurredAt)}
            {e.actor && ` · ${e.actor.fullName}`}
            {e.reason && ` · ${e.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
