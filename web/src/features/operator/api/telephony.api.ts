import type { IncomingCallEvent, SimulateCallResult } from '@tannha/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { byIdQueryOptions, operatorKeys } from './operator-keys';

// `/api/telephony…`: the screen pop of an incoming call and the built-in call simulator.

/** `GET /api/telephony/screen-pop/:callId`. */
export const getScreenPop = (callId: string, signal?: AbortSignal) =>
  apiClient.get<IncomingCallEvent>(`/api/telephony/screen-pop/${callId}`, { signal });

/** The screen pop of a call (the socket usually fills it in first). */
export const screenPopQueryOptions = (id: string | null) =>
  byIdQueryOptions(id, operatorKeys.telephony.screenPop, getScreenPop);
/** The screen pop of a call. */
export const useScreenPop = (id: string | null) => useQuery(screenPopQueryOptions(id));

/** Ring the console from a number (`POST /api/telephony/simulate`). */
export function useSimulateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { from: string; outOfHours?: boolean }) =>
      apiClient.post<SimulateCallResult>('/api/telephony/simulate', { body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: operatorKeys.calls.lists() });
      void qc.invalidateQueries({ queryKey: operatorKeys.callbacks.all() });
    },
  });
}
