import { useCallback, useEffect, useMemo, useState } from 'react';

import type { JobOpenSignal } from './use-job-draft-effects';

type Picked = { id: string; name: string };

/**
 * Requests to open the job form: Alt+J, and a procedure picked in the catalogue. A pick
 * with a call open fills that call's job form; with none it waits (and `onWaiting` runs,
 * e.g. to focus the number field) until a call is answered or logged.
 */
export function useJobRequests(
  activeCallId: string | null,
  picked: { procedure: Picked; n: number } | null,
  onWaiting: () => void,
) {
  const [signal, setSignal] = useState<JobOpenSignal>({ n: 0, procedure: null, callId: null });
  const [pending, setPending] = useState<Picked | null>(null);
  // A new pick (the catalogue bumps `n`) is taken in while rendering, once.
  const [seen, setSeen] = useState(picked?.n ?? 0);
  if (picked && picked.n !== seen) {
    setSeen(picked.n);
    if (activeCallId)
      setSignal((s) => ({ n: s.n + 1, procedure: picked.procedure, callId: activeCallId }));
    else setPending(picked.procedure);
  }
  useEffect(() => {
    if (pending) onWaiting();
  }, [pending, onWaiting]);

  const onCallActive = useCallback(
    (callId: string) => {
      if (!pending) return;
      setSignal((s) => ({ n: s.n + 1, procedure: pending, callId }));
      setPending(null);
    },
    [pending],
  );
  const openJob = useCallback(
    () => setSignal((s) => ({ n: s.n + 1, procedure: null, callId: null })),
    [],
  );
  return useMemo(
    () => ({ signal, pending, onCallActive, openJob }),
    [signal, pending, onCallActive, openJob],
  );
}
