import type { Courier, Job } from '@tannha/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';

import type { DispatchBoard, DispatchTab } from '../hooks/use-dispatch-board';
import { DispatchFilters } from './dispatch-filters';
import {
  DispatchCourierList,
  DispatchJobList,
  LateJobsTable,
  type JobListQuery,
} from './dispatch-lists';
import { useUnplacedJobs } from '../api/unplaced.api';
import { DispatchMap } from './dispatch-map';
import styles from './dispatch.module.css';
import type { JobMarks } from './job-marks';
import { UnplacedList } from './unplaced-list';

export type DispatchScreenProps = {
  /** The board's own state, from `useDispatchBoard`. */
  board: DispatchBoard;
  /** The open jobs matching the board's filters. */
  jobs: JobListQuery;
  couriers: Courier[];
  late: Job[] | undefined;
  /** The selected job, also once it has left the filtered list. */
  selectedJob: Job | undefined;
  tileUrl: string;
  center: { lat: number; lng: number } | undefined;
  marks: JobMarks;
  /** The selected job's drawer (detail and assignment), drawn by the app. */
  drawer: ReactNode;
};

const TABS: readonly DispatchTab[] = ['jobs', 'unplaced', 'couriers', 'late'];

/** `/dispatch`: the live map of open jobs and couriers, side list, filters, assignment and the late list. */
export function DispatchScreen(props: DispatchScreenProps) {
  const { board, jobs, couriers, late, selectedJob, marks } = props;
  const { t } = useTranslation('dispatch');
  const jobItems = jobs.data?.items ?? [];
  const unplaced = useUnplacedJobs();
  const counts: Record<DispatchTab, number> = {
    jobs: jobs.data?.total ?? 0,
    unplaced: unplaced.data?.length ?? 0,
    couriers: couriers.length,
    late: late?.length ?? 0,
  };

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className={styles.status} role="status">
            <span className={styles.liveDot} data-offline={!board.connected} />
            {board.connected ? t('live') : t('offline')}
          </div>
          <DispatchFilters filters={board.filters} />
          {selectedJob && (
            <p className={styles.muted}>{t('selectedHint', { code: selectedJob.code })}</p>
          )}
          <div className={styles.tabs} role="tablist">
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                className={styles.tab}
                aria-selected={board.tab === k}
                onClick={() => board.setTab(k)}
              >
                {t(`tabs.${k}`, { count: counts[k] })}
              </button>
            ))}
          </div>
          {board.tab === 'jobs' && (
            <DispatchJobList
              jobs={jobs}
              selected={board.selected}
              onSelect={board.selectJob}
              marks={marks}
            />
          )}
          {board.tab === 'unplaced' && <UnplacedList jobs={unplaced} onPin={board.pinJob} />}
          {board.tab === 'couriers' && (
            <DispatchCourierList couriers={couriers} onSelect={board.selectCourier} />
          )}
          {board.tab === 'late' && (
            <LateJobsTable late={late} onSelect={board.selectJob} marks={marks} />
          )}
        </div>
        <DispatchMap
          tileUrl={props.tileUrl}
          center={props.center}
          jobs={jobItems}
          couriers={couriers}
          selectedJobId={board.selected}
          onSelectJob={board.selectJob}
          onSelectCourier={board.selectCourier}
          boardColours={marks.boardColours}
        />
      </div>
      {props.drawer}
    </Page>
  );
}
