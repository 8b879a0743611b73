import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { onJobChanged, onResyncNeeded } from '@/lib/socket';

import { courierKeys } from '../api/courier-keys';

/**
 * Redraws the courier's list when the dispatcher assigns, reassigns or re-plans a job:
 * any `jobs.updated` for this courier (the server only sends their own) refetches the
 * courier's queries, as does a reconnect that missed events.
 */
export function useLiveCourierJobs(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: courierKeys.all });
    const offJob = onJobChanged(refresh);
    const offResync = onResyncNeeded(refresh);
    return () => {
      offJob();
      offResync();
    };
  }, [qc]);
}
