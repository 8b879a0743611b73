import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { onJobChanged, onResyncNeeded } from '@/lib/socket';

import { jobKeys } from '../api/jobs.api';

/**
 * Keeps every job query fresh from the socket: a changed job replaces its cached detail at
 * once and job lists refetch (batched, at most every 300 ms), also after a reconnect. Mount
 * it once on any page that shows jobs (dispatch map, courier list, operator console).
 */
export function useLiveJobs(onChange?: (jobId: string) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: jobKeys.lists() });
        void qc.invalidateQueries({ queryKey: jobKeys.late() });
        void qc.invalidateQueries({ queryKey: jobKeys.couriers() });
      }, 300);
    };
    const offJob = onJobChanged((job) => {
      qc.setQueryData(jobKeys.detail(job.id), (old: typeof job | undefined) =>
        // Socket payloads carry the masked phone only; keep the full one a detail fetch gave.
        old?.citizen.phone
          ? { ...job, citizen: { ...job.citizen, phone: old.citizen.phone } }
          : job,
      );
      void qc.invalidateQueries({ queryKey: jobKeys.events(job.id) });
      onChange?.(job.id);
      refresh();
    });
    const offResync = onResyncNeeded(() => void qc.invalidateQueries({ queryKey: jobKeys.all }));
    return () => {
      offJob();
      offResync();
      if (timer) clearTimeout(timer);
    };
  }, [qc, onChange]);
}
