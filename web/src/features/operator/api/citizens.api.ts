import type {
  Citizen,
  CitizenHistory,
  CreateCitizenInput,
  CreateJobFromCallInput,
  JobFromCallResult,
} from '@tannha/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { jobKeys } from '@/lib/queries/jobs';

import { storeCall } from './calls.api';
import { byIdQueryOptions, operatorKeys } from './operator-keys';

// `/api/citizens…`: callers and their history; and the job created from a call.

/** `GET /api/citizens?phone=…`. */
export const getCitizensByPhone = async (phone: string, signal?: AbortSignal) =>
  (await apiClient.get<{ items: Citizen[] }>('/api/citizens', { query: { phone }, signal })).items;
/** `GET /api/citizens/:id/history`. */
export const getCitizenHistory = (citizenId: string, signal?: AbortSignal) =>
  apiClient.get<CitizenHistory>(`/api/citizens/${citizenId}/history`, { signal });

/** Citizens with this phone number, once it has at least 9 digits. */
export function citizenByPhoneQueryOptions(phone: string) {
  return queryOptions({
    queryKey: operatorKeys.citizens.byPhone(phone),
    queryFn: ({ signal }) => getCitizensByPhone(phone, signal),
    enabled: phone.replace(/\D/g, '').length >= 9,
    retry: false,
  });
}
/** Citizens with this phone number. */
export const useCitizenByPhone = (phone: string) => useQuery(citizenByPhoneQueryOptions(phone));

/** A caller's record, jobs and calls; idle for an unknown caller. */
export const historyQueryOptions = (citizenId: string | null) =>
  byIdQueryOptions(citizenId, operatorKeys.citizens.history, getCitizenHistory);
/** A caller's record, jobs and calls. */
export const useCitizenHistory = (citizenId: string | null) =>
  useQuery(historyQueryOptions(citizenId));

/** Record a new caller (`POST /api/citizens`). */
export function useCreateCitizen() {
  return useMutation({
    mutationFn: (
      input: Pick<CreateCitizenInput, 'fullName' | 'phone'> & {
        addresses?: { addressText: string }[];
      },
    ) => apiClient.post<Citizen>('/api/citizens', { body: input }),
  });
}

/** Create a job from a call (`POST /api/calls/:id/jobs`); refreshes calls, callers and jobs. */
export function useCreateJobFromCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, ...input }: CreateJobFromCallInput & { callId: string }) =>
      apiClient.post<JobFromCallResult>(`/api/calls/${callId}/jobs`, { body: input }),
    onSuccess: (r) => {
      storeCall(qc, r.call);
      void qc.invalidateQueries({ queryKey: operatorKeys.citizens.all });
      void qc.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}
