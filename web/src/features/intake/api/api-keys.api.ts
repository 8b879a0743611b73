import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { IntakeKey, IntakeKeyCreate, IntakeKeyCreated } from '@tannha/shared';

import { apiClient } from '@/lib/api-client';

import { intakeKeys } from './intake-keys';

/** An agency's key for the intake API; its secret is never part of it. */
export type ApiKeyRecord = IntakeKey;
export type CreateApiKeyInput = IntakeKeyCreate;
/** The answer to a creation: the only time the secret is ever sent. */
export type CreatedApiKey = IntakeKeyCreated;

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: intakeKeys.apiKeys(),
    queryFn: ({ signal }) =>
      apiClient
        .get<{ items: ApiKeyRecord[] }>('/api/admin/intake-keys', { signal })
        .then((r) => r.items),
  });

/** The agencies' keys (`GET /api/admin/intake-keys`). */
export function useApiKeys() {
  return useQuery(apiKeysQuery());
}

/** Creates a key; the caller shows `secret` once and forgets it. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      apiClient.post<CreatedApiKey>('/api/admin/intake-keys', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.apiKeys() }),
  });
}

/** Revokes a key: the agency's next call is refused. */
export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<ApiKeyRecord>(`/api/admin/intake-keys/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.apiKeys() }),
  });
}
