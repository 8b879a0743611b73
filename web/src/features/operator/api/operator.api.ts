import type {
  Call,
  CallList,
  Callback,
  Citizen,
  CitizenHistory,
  CreateCallInput,
  CreateCitizenInput,
  CreateJobFromCallInput,
  IncomingCallEvent,
  JobFromCallResult,
  Procedure,
  SimulateCallResult,
  Unit,
  UpdateCallInput,
} from '@tannha/shared';
import { toVnDate } from '@tannha/shared';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

// Fetchers, query options and hooks for the endpoints the operator console uses.
// Calls: `/api/calls…`; callers: `/api/citizens…`; telephony: `/api/telephony…`.

export const operatorKeys = {
  todayCalls: ['calls', 'today'] as const,
  callbacks: ['calls', 'callbacks'] as const,
  call: (id: string) => ['calls', id] as const,
  screenPop: (id: string) => ['telephony', 'screen-pop', id] as const,
  history: (id: string) => ['citizens', id, 'history'] as const,
};

export function todayCallsQueryOptions() {
  const today = toVnDate(new Date());
  return queryOptions({
    queryKey: operatorKeys.todayCalls,
    queryFn: ({ signal }) =>
      apiClient.get<CallList>('/api/calls', {
        query: { from: today, to: today, pageSize: 30 },
        signal,
      }),
    refetchInterval: 30_000,
  });
}
export const useTodayCalls = () => useQuery(todayCallsQueryOptions());

export function callbacksQueryOptions() {
  return queryOptions({
    queryKey: operatorKeys.callbacks,
    queryFn: ({ signal }) =>
      apiClient.get<{ items: Callback[] }>('/api/calls/callbacks', {
        query: { scope: 'mine', status: 'open' },
        signal,
      }),
    refetchInterval: 60_000,
  });
}
export const useCallbacks = () => useQuery(callbacksQueryOptions());

export function callQueryOptions(id: string | null) {
  return queryOptions({
    queryKey: operatorKeys.call(id ?? 'none'),
    queryFn: ({ signal }) => apiClient.get<Call>(`/api/calls/${id}`, { signal }),
    enabled: id !== null,
  });
}
export const useCall = (id: string | null) => useQuery(callQueryOptions(id));

export function screenPopQueryOptions(id: string | null) {
  return queryOptions({
    queryKey: operatorKeys.screenPop(id ?? 'none'),
    queryFn: ({ signal }) =>
      apiClient.get<IncomingCallEvent>(`/api/telephony/screen-pop/${id}`, { signal }),
    enabled: id !== null,
  });
}
export const useScreenPop = (id: string | null) => useQuery(screenPopQueryOptions(id));

export function unitsQueryOptions() {
  return queryOptions({
    queryKey: ['units'] as const,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: Unit[] }>('/api/units', { signal })).items,
    staleTime: 10 * 60_000,
  });
}
export const useUnits = () => useQuery(unitsQueryOptions());

export function procedurePickerQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['procedures', 'search', q] as const,
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: Procedure[] }>('/api/procedures', {
          query: { q, limit: 8 },
          signal,
        })
      ).items,
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
  });
}
export const useProcedurePicker = (q: string) =>
  useQuery({ ...procedurePickerQueryOptions(q), placeholderData: keepPreviousData });

export function citizenByPhoneQueryOptions(phone: string) {
  return queryOptions({
    queryKey: ['citizens', 'phone', phone] as const,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: Citizen[] }>('/api/citizens', { query: { phone }, signal }))
        .items,
    enabled: phone.replace(/\D/g, '').length >= 9,
    retry: false,
  });
}
export const useCitizenByPhone = (phone: string) => useQuery(citizenByPhoneQueryOptions(phone));

export function historyQueryOptions(citizenId: string | null) {
  return queryOptions({
    queryKey: operatorKeys.history(citizenId ?? 'none'),
    queryFn: ({ signal }) =>
      apiClient.get<CitizenHistory>(`/api/citizens/${citizenId}/history`, { signal }),
    enabled: citizenId !== null,
  });
}
export const useCitizenHistory = (citizenId: string | null) =>
  useQuery(historyQueryOptions(citizenId));

export function useSimulateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { from: string; outOfHours?: boolean }) =>
      apiClient.post<SimulateCallResult>('/api/telephony/simulate', { body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: operatorKeys.todayCalls });
      void qc.invalidateQueries({ queryKey: operatorKeys.callbacks });
    },
  });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CreateCallInput> & { callerPhone: string }) =>
      apiClient.post<Call>('/api/calls', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: operatorKeys.todayCalls }),
  });
}

export function useUpdateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateCallInput & { id: string }) =>
      apiClient.patch<Call>(`/api/calls/${id}`, { body: input }),
    onSuccess: (call) => {
      qc.setQueryData(operatorKeys.call(call.id), call);
      void qc.invalidateQueries({ queryKey: operatorKeys.todayCalls });
    },
  });
}

export function useCloseCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<Call>(`/api/calls/${id}/close`),
    onSuccess: (call) => {
      qc.setQueryData(operatorKeys.call(call.id), call);
      void qc.invalidateQueries({ queryKey: operatorKeys.todayCalls });
    },
  });
}

export function useCreateCitizen() {
  return useMutation({
    mutationFn: (
      input: Pick<CreateCitizenInput, 'fullName' | 'phone'> & {
        addresses?: { addressText: string }[];
      },
    ) => apiClient.post<Citizen>('/api/citizens', { body: input }),
  });
}

export function useCreateJobFromCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, ...input }: CreateJobFromCallInput & { callId: string }) =>
      apiClient.post<JobFromCallResult>(`/api/calls/${callId}/jobs`, { body: input }),
    onSuccess: (r) => {
      qc.setQueryData(operatorKeys.call(r.call.id), r.call);
      void qc.invalidateQueries({ queryKey: operatorKeys.todayCalls });
      void qc.invalidateQueries({ queryKey: ['citizens'] });
      void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}

export function useCompleteCallback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.post<Callback>(`/api/calls/callbacks/${id}/complete`, { body: { status: 'done' } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: operatorKeys.callbacks }),
  });
}
