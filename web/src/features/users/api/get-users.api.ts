import type { RoleValue } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { userKeys } from '@/lib/queries/users';

// The key factory is shared web code: the admin screens invalidate it after changing an account.
export { userKeys };

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

/** `GET /api/users`: staff accounts of the caller's scope. */
export const getUsers = async (signal?: AbortSignal): Promise<User[]> =>
  (await apiClient.get<{ items: User[] }>('/api/users', { signal })).items;

/** Query options of the staff list. */
export const usersQueryOptions = () =>
  queryOptions({ queryKey: userKeys.list(), queryFn: ({ signal }) => getUsers(signal) });

/** Staff accounts (`GET /api/users`). */
export const useUsers = () => useQuery(usersQueryOptions());
