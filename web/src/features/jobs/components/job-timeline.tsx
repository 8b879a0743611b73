import type { JobEvent } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { formatDate, formatDateTime } from '@/lib/format';

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
              ? t(`status.${e.toStatus}`, { defaultValue: t('eventKind.other') })
              : t(`eventKind.${e.kind as 'created'}`, { defaultValue: t('eventKind.other') })}
          </div>
          <div className={styles.eventMeta}>
            {formatDateTime(e.occurredAt)}
            {e.actor && ` · ${t('detail.by', { name: e.actor.fullName })}`}
          </div>
          {e.kind === 'located' && <LocatedChange data={e.data} />}
          <CourierOverride data={e.data} />
          {e.reason && <div>{e.reason}</div>}
        </li>
      ))}
    </ol>
  );
}

/** What the courier overrode at a step (another package's code, a day before the appointment). */
function CourierOverride({ data }: { data: JobEvent['data'] }) {
  const { t } = useTranslation('jobs');
  const typed = data?.['dossierCode'];
  const expected = data?.['expectedDossierCode'];
  const appointment = data?.['appointmentDate'];
  return (
    <>
      {typeof expected === 'string' && typeof typed === 'string' && (
        <div className={styles.warningText}>{t('override.dossierCode', { typed, expected })}</div>
      )}
      {typeof appointment === 'string' && (
        <div className={styles.warningText}>
          {t('override.early', { date: formatDate(appointment) })}
        </div>
      )}
    </>
  );
}

/** One end of a 'located' event: where the job was, or is now. */
type PlaceEnd = {
  lat?: number | null;
  lng?: number | null;
  source?: string | null;
  addressText?: string | null;
  wardCode?: string | null;
};

/** A 'located' event's change: the position (and its source) before and after. */
function LocatedChange({ data }: { data: JobEvent['data'] }) {
  const { t } = useTranslation('jobs');
  const from = (data?.from ?? null) as PlaceEnd | null;
  const to = (data?.to ?? null) as PlaceEnd | null;
  const show = (p: PlaceEnd | null) =>
    p && p.lat != null && p.lng != null
      ? `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}${
          p.source
            ? ` (${t(`place.source.${p.source as 'pinned'}`, { defaultValue: p.source })})`
            : ''
        }`
      : t('place.none');
  return (
    <div>
      {show(from)} → {show(to)}
      {to?.addressText && from?.addressText !== to.addressText && <div>{to.addressText}</div>}
    </div>
  );
}
