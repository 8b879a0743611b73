import type { RoleValue } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A staff account as the admin list shows it (`GET /api/users`). */
export type User = {
  id: string;
  username: string;
  fullName: string;
  role: RoleValue;
  unitId: string;
  unitName: string;
  disabled: boolean;
};

export async function getUsers(signal?: AbortSignal): Promise<User[]> {
  const { items } = await apiClient.get<{ items: User[] }>('/api/users', { signal });
  return items;
}

export function usersQueryOptions() {
  return queryOptions({
    queryKey: ['users'] as const,
    queryFn: ({ signal }) => getUsers(signal),
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
