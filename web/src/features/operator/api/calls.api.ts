import type { Call, CallList, Callback, CreateCallInput, UpdateCallInput } from '@tannha/shared';
import { toVnDate } from '@tannha/shared';
import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { pollEvery } from '@/lib/polling';

import {
  byIdQueryOptions,
  operatorKeys,
  type CallbackListParams,
  type CallListParams,
} from './operator-keys';

// `/api/calls…`: the operator's calls and callbacks.

/** `GET /api/calls`. */
export const getCalls = (params: CallListParams, signal?: AbortSignal) =>
  apiClient.get<CallList>('/api/calls', { query: params, signal });
/** `GET /api/calls/callbacks`. */
export const getCallbacks = (params: CallbackListParams, signal?: AbortSignal) =>
  apiClient.get<{ items: Callback[] }>('/api/calls/callbacks', { query: params, signal });
/** `GET /api/calls/:id`. */
export const getCall = (id: string, signal?: AbortSignal) =>
  apiClient.get<Call>(`/api/calls/${id}`, { signal });

/** Today's calls (Vietnam's day), refreshed every 30 s. */
export function todayCallsQueryOptions() {
  const today = toVnDate(new Date());
  const params: CallListParams = { from: today, to: today, pageSize: 30 };
  return queryOptions({
    queryKey: operatorKeys.calls.list(params),
    queryFn: ({ signal }) => getCalls(params, signal),
    refetchInterval: pollEvery(30_000),
  });
}
/** Today's calls. */
export const useTodayCalls = () => useQuery(todayCallsQueryOptions());

const MY_OPEN_CALLBACKS: CallbackListParams = { scope: 'mine', status: 'open' };

/** The operator's open callbacks, refreshed every minute. */
export function callbacksQueryOptions() {
  return queryOptions({
    queryKey: operatorKeys.callbacks.list(MY_OPEN_CALLBACKS),
    queryFn: ({ signal }) => getCallbacks(MY_OPEN_CALLBACKS, signal),
    refetchInterval: pollEvery(60_000),
  });
}
/** The operator's open callbacks. */
export const useCallbacks = () => useQuery(callbacksQueryOptions());

/** One call; idle while no call is active. */
export const callQueryOptions = (id: string | null) =>
  byIdQueryOptions(id, operatorKeys.calls.detail, getCall);
/** One call. */
export const useCall = (id: string | null) => useQuery(callQueryOptions(id));

/** Puts the saved call in its cache entry and refreshes the call lists. */
export function storeCall(qc: QueryClient, call: Call) {
  qc.setQueryData(operatorKeys.calls.detail(call.id), call);
  void qc.invalidateQueries({ queryKey: operatorKeys.calls.lists() });
}

/** Log a call by number (`POST /api/calls`). */
export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CreateCallInput> & { callerPhone: string }) =>
      apiClient.post<Call>('/api/calls', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: operatorKeys.calls.lists() }),
  });
}

/** Save what the operator wrote about a call (`PATCH /api/calls/:id`). */
export function useUpdateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateCallInput & { id: string }) =>
      apiClient.patch<Call>(`/api/calls/${id}`, { body: input }),
    onSuccess: (call) => storeCall(qc, call),
  });
}

/** Close a call (`POST /api/calls/:id/close`). */
export function useCloseCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<Call>(`/api/calls/${id}/close`),
    onSuccess: (call) => storeCall(qc, call),
  });
}

/** Take a ringing call (`POST /api/calls/:id/answer`): it becomes this operator's. */
export function useAnswerCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<Call>(`/api/calls/${id}/answer`),
    onSuccess: (call) => storeCall(qc, call),
  });
}

/**
 * Dismiss a ringing call (`POST /api/calls/:id/dismiss`): nobody talked to the caller, so the
 * call owes a callback; the "Cần gọi lại" list shows it.
 */
export function useDismissCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<Call>(`/api/calls/${id}/dismiss`),
    onSuccess: (call) => {
      storeCall(qc, call);
      void qc.invalidateQueries({ queryKey: operatorKeys.callbacks.all() });
    },
  });
}

/** Mark a callback done (`POST /api/calls/callbacks/:id/complete`). */
export function useCompleteCallback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.post<Callback>(`/api/calls/callbacks/${id}/complete`, { body: { status: 'done' } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: operatorKeys.callbacks.all() }),
  });
}
