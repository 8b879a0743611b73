import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/feedback';

import { useJob, useJobEvents } from '../api/jobs.api';

import { BoardDot, JobStatusBadge, JobTypeLabel } from './job-badges';
import { JobFacts } from './job-facts';
import { JobPlaceSection } from './job-place-section';
import { JobTimeline } from './job-timeline';
import styles from './jobs.module.css';

export type JobDrawerProps = {
  jobId: string;
  onClose: () => void;
  /** Screen-specific actions (assign, transitions) shown above the timeline. */
  children?: ReactNode;
  /** Leaflet URL template: with it the place can be pinned or corrected in the drawer. */
  tileUrl?: string | undefined;
  /** Open at the pin picker (the job was picked from the "no place yet" list). */
  pinOnOpen?: boolean;
};

/** A side panel with everything about one job and its timeline; Escape closes it. */
export function JobDrawer({ jobId, onClose, children, tileUrl, pinOnOpen }: JobDrawerProps) {
  const { t } = useTranslation('jobs');
  const job = useJob(jobId);
  const events = useJobEvents(jobId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [jobId, onClose]);

  const j = job.data;
  return (
    <aside className={styles.drawer} aria-label={j ? j.code : t('detail.timeline')}>
      <div className={styles.drawerHead}>
        <h2 ref={headingRef} tabIndex={-1}>
          {j ? j.code : '…'}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t('detail.close')}
        </Button>
      </div>
      <div className={styles.drawerBody}>
        {job.isError && <ErrorState error={job.error} onRetry={() => void job.refetch()} />}
        {!j && !job.isError && <LoadingState />}
        {j && (
          <>
            <div className={styles.badges}>
              <BoardDot board={j.board} late={j.late} status={j.status} />
              <JobStatusBadge status={j.status} />
              <span>
                <JobTypeLabel type={j.type} />
              </span>
              {j.priority > 0 && <strong>{t(`detail.priority.${j.priority as 1 | 2}`)}</strong>}
            </div>
            <JobFacts job={j} />
            <JobPlaceSection
              key={`${j.id}:${pinOnOpen ? 'pin' : ''}`}
              job={j}
              tileUrl={tileUrl}
              startEditing={pinOnOpen}
            />
            {children}
            <section>
              <h3>{t('detail.timeline')}</h3>
              {events.data ? <JobTimeline events={events.data.items} /> : <LoadingState />}
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
