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

/** The outbox as React state; refreshes the courier's queries whenever an action lands. */
export function useOutbox(): OutboxState {
  const qc = useQueryClient();
  useEffect(() => {
    startOutbox();
    registerServiceWorker();
    return onActionSynced((a) => {
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
