import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { DispatchScreen } from '@/features/dispatch/components/dispatch-screen';
import type { JobMarks } from '@/features/dispatch/components/job-marks';
import { jobFiltersOf, useDispatchBoard } from '@/features/dispatch/hooks/use-dispatch-board';
import { useCouriers, useJob, useJobs, useLateJobs } from '@/features/jobs/api/jobs.api';
import { AssignPanel } from '@/features/jobs/components/assign-panel';
import {
  BOARD_COLOURS,
  BoardDot,
  JobStatusBadge,
  JobTypeLabel,
} from '@/features/jobs/components/job-badges';
import { JobDrawer } from '@/features/jobs/components/job-drawer';
import { useLiveCouriers } from '@/features/jobs/hooks/use-live-couriers';
import { useLiveJobs } from '@/features/jobs/hooks/use-live-jobs';

import { unitCentre } from '../unit-centre';

const JOB_MARKS: JobMarks = {
  BoardDot,
  StatusBadge: JobStatusBadge,
  TypeLabel: JobTypeLabel,
  boardColours: BOARD_COLOURS,
};

/** `/dispatch`: the dispatch board (dispatch feature) fed with the jobs feature's data and drawer. */
export function DispatchPage() {
  const config = useAppConfig();
  const board = useDispatchBoard();
  const jobs = useJobs(jobFiltersOf(board.query));
  const couriers = useCouriers();
  const late = useLateJobs();
  // The drawer's own query: the selected job stays open (with the assignment's confirmation)
  // after it leaves the filtered list, e.g. once assigned under "unassigned only".
  const selectedDetail = useJob(board.selected);
  useLiveJobs();
  useLiveCouriers();

  if (config.isError)
    return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data || !couriers.data) return <LoadingState />;
  const { selected, preselectedCourier } = board;
  const selectedJob =
    selectedDetail.data?.id === selected
      ? selectedDetail.data
      : jobs.data?.items.find((j) => j.id === selected);

  return (
    <DispatchScreen
      board={board}
      jobs={jobs}
      couriers={couriers.data.items}
      late={late.data?.items}
      selectedJob={selectedJob}
      tileUrl={config.data.mapTileUrl}
      center={unitCentre(config.data.unit)}
      marks={JOB_MARKS}
      drawer={
        selected && (
          <JobDrawer
            jobId={selected}
            onClose={board.close}
            tileUrl={config.data.mapTileUrl}
            pinOnOpen={board.pinning}
          >
            {selectedJob ? (
              <AssignPanel
                key={`${selected}:${preselectedCourier ?? ''}`}
                job={selectedJob}
                couriers={couriers.data.items}
                preselected={preselectedCourier}
              />
            ) : null}
          </JobDrawer>
        )
      }
    />
  );
}
