import type { Job } from '@tannha/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

import { courierKeys, DISPATCH_JOBS_KEY } from '../api/courier-keys';
import { registerServiceWorker } from '../offline/register-sw';
import {
  onActionSynced,
  outboxSnapshot,
  startOutbox,
  subscribeOutbox,
  type OutboxState,
} from '../offline/outbox';

/** The job in a step's answer (`{ job, event }`), if the answer is one. */
function jobOf(body: unknown): Job | undefined {
  if (!body || typeof body !== 'object' || !('job' in body)) return undefined;
  const job = (body as { job: unknown }).job;
  return job && typeof job === 'object' && 'id' in job && 'status' in job
    ? (job as Job)
    : undefined;
}

/** The outbox as React state; refreshes the courier's queries whenever an action lands. */
export function useOutbox(): OutboxState {
  const qc = useQueryClient();
  useEffect(() => {
    startOutbox();
    registerServiceWorker();
    return onActionSynced((a, body) => {
      // A step answers with the job as it now is: shown at once, so the screen never falls
      // back to the old status between the outbox letting go and the refetch (which would
      // redraw the next step's form and lose what the courier started typing).
      const job = jobOf(body);
      if (job && a.jobId === job.id) qc.setQueryData(courierKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: courierKeys.all });
      if (a.jobId) void qc.invalidateQueries({ queryKey: DISPATCH_JOBS_KEY });
    });
  }, [qc]);
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, outboxSnapshot);
}

/** The status a job will have once its waiting actions are synced (undefined: none waiting). */
export function pendingStatusOf(state: OutboxState, jobId: string): string | undefined {
  let s: string | undefined;
  for (const a of state.actions) if (a.jobId === jobId && a.expectStatus) s = a.expectStatus;
  return s;
}
