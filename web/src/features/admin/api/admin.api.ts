import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueProcedure } from '@tannha/shared';

import { ApiError, apiClient, type QueryParams } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';

import { adminKeys, OTHER_FEATURE_KEYS } from './admin-keys';

export type AdminUser = {
  id: string;
  username: string;
  fullName: string;
  role: string;
  unitId: string;
  unitName?: string;
  phone: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
};
export type AdminUnit = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  address: string;
  phone: string | null;
};
/** A catalogue entry as the admin screen lists it (the shared shape). */
export type AdminProcedure = CatalogueProcedure;
export type HolidayItem = { date: string; kind: 'holiday' | 'working_day'; name: string };
export type SettingItem = {
  key: string;
  value: unknown;
  isDefault: boolean;
  updatedAt: string | null;
};
export type SmsTemplate = { key: string; body: string; vars: string[]; custom: boolean };
export type SmsPreview = {
  text: string;
  length: number;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  unknownVars: string[];
};
export type AuditItem = {
  id: number;
  at: string;
  actor: { username: string | null; fullName: string | null } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};
export type CatalogueImportResult = {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
};
export type CatalogueProblem = { line: number; field: string; message: string };

/** GET one admin list: the answer's `items`, with the query string when one is given. */
function getItems<T>(url: string, signal: AbortSignal, query?: QueryParams) {
  return apiClient.get<{ items: T[] }>(url, { signal, query }).then((r) => r.items);
}

export const adminUsersQuery = () =>
  queryOptions({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => getItems<AdminUser>('/api/admin/users', signal),
  });
export const adminUnitsQuery = () =>
  queryOptions({
    queryKey: adminKeys.units(),
    queryFn: ({ signal }) => getItems<AdminUnit>('/api/admin/units', signal),
  });
export const adminProceduresQuery = (q: string, inactive: boolean) =>
  queryOptions({
    queryKey: adminKeys.procedureList(q, inactive),
    queryFn: ({ signal }) =>
      getItems<AdminProcedure>('/api/admin/procedures', signal, {
        q: q || undefined,
        includeInactive: inactive ? 'true' : undefined,
      }),
  });
export const holidaysQuery = (year: number) =>
  queryOptions({
    queryKey: adminKeys.holidayYear(year),
    queryFn: ({ signal }) => getItems<HolidayItem>('/api/admin/holidays', signal, { year }),
  });
export const settingsQuery = () =>
  queryOptions({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }) => getItems<SettingItem>('/api/admin/settings', signal),
  });
export const smsTemplatesQuery = () =>
  queryOptions({
    queryKey: adminKeys.smsTemplates(),
    queryFn: ({ signal }) => getItems<SmsTemplate>('/api/sms/templates', signal),
  });
export const auditQuery = (entityType: string) =>
  queryOptions({
    queryKey: adminKeys.auditOf(entityType),
    queryFn: ({ signal }) =>
      getItems<AuditItem>('/api/admin/audit', signal, {
        entityType: entityType || undefined,
        limit: 100,
      }),
  });

export const useAdminUsers = () => useQuery(adminUsersQuery());
export const useAdminUnits = () => useQuery(adminUnitsQuery());
export const useAdminProcedures = (q: string, inactive: boolean) =>
  useQuery(adminProceduresQuery(q, inactive));
export const useHolidays = (year: number) => useQuery(holidaysQuery(year));
export const useSettings = () => useQuery(settingsQuery());
export const useSmsTemplates = () => useQuery(smsTemplatesQuery());
export const useAudit = (entityType: string) => useQuery(auditQuery(entityType));

/** A mutation that refreshes the given lists (and the audit trail) when it succeeds. */
function useAdminMutation<V, R>(
  fn: (v: V) => Promise<R>,
  invalidate: readonly (readonly unknown[])[],
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        [...invalidate, adminKeys.audit()].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
}

/** What each kind of admin write makes stale: the admin list and the other screens' copies. */
const STALE_AFTER = {
  users: [adminKeys.users(), OTHER_FEATURE_KEYS.users],
  units: [adminKeys.units(), OTHER_FEATURE_KEYS.units],
  procedures: [adminKeys.procedures(), OTHER_FEATURE_KEYS.procedures],
  holidays: [adminKeys.holidays(), OTHER_FEATURE_KEYS.holidays],
  settings: [adminKeys.settings()],
  smsTemplates: [adminKeys.smsTemplates()],
} as const;

export const useCreateUser = () =>
  useAdminMutation(
    (body: {
      username: string;
      fullName: string;
      role: string;
      unitId: string;
      password: string;
    }) => apiClient.post<AdminUser>('/api/admin/users', { body }),
    STALE_AFTER.users,
  );
export const useUpdateUser = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string; role?: string; unitId?: string; disabled?: boolean }) =>
      apiClient.patch<AdminUser>(`/api/admin/users/${id}`, { body }),
    STALE_AFTER.users,
  );
export const useResetPassword = () =>
  useAdminMutation(
    ({ id, password }: { id: string; password: string }) =>
      apiClient.post<{ sessionsEnded: number }>(`/api/admin/users/${id}/password`, {
        body: { password },
      }),
    [],
  );
/** Lifts the sign-in throttling of a user from every address (`POST /api/admin/users/:id/unlock-login`). */
export const useUnlockLogin = () =>
  useAdminMutation(
    ({ id }: { id: string }) =>
      apiClient.post<{ id: string; addressesCleared: number }>(
        `/api/admin/users/${id}/unlock-login`,
      ),
    [],
  );
export const useCreateUnit = () =>
  useAdminMutation(
    (body: { code: string; name: string; parentId: string; address: string }) =>
      apiClient.post<AdminUnit>('/api/admin/units', { body }),
    STALE_AFTER.units,
  );
export const useUpdateUnit = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string; name?: string; address?: string }) =>
      apiClient.patch<AdminUnit>(`/api/admin/units/${id}`, { body }),
    STALE_AFTER.units,
  );
/** `POST /api/admin/procedures`: one new catalogue entry from the admin's form. */
export const useCreateProcedure = () =>
  useAdminMutation(
    (body: Omit<AdminProcedure, 'id' | 'sample'>) =>
      apiClient.post<AdminProcedure>('/api/admin/procedures', { body }),
    STALE_AFTER.procedures,
  );
export const useUpdateProcedure = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string } & Partial<Omit<AdminProcedure, 'id' | 'code'>>) =>
      apiClient.patch<AdminProcedure>(`/api/admin/procedures/${id}`, { body }),
    STALE_AFTER.procedures,
  );
export const useAddHoliday = () =>
  useAdminMutation(
    (body: HolidayItem) => apiClient.post<HolidayItem>('/api/admin/holidays', { body }),
    STALE_AFTER.holidays,
  );
export const useRemoveHoliday = () =>
  useAdminMutation(
    (date: string) => apiClient.delete<{ removed: string }>(`/api/admin/holidays/${date}`),
    STALE_AFTER.holidays,
  );
export const useFillHolidays = () =>
  useAdminMutation(
    (year: number) =>
      apiClient.post<{ added: number; skipped: number }>('/api/admin/holidays/fill-defaults', {
        body: { year },
      }),
    STALE_AFTER.holidays,
  );
export const useSaveSetting = () =>
  useAdminMutation(
    ({ key, value }: { key: string; value: unknown }) =>
      apiClient.put<SettingItem>(`/api/admin/settings/${key}`, { body: { value } }),
    STALE_AFTER.settings,
  );
export const useSaveTemplate = () =>
  useAdminMutation(
    ({ key, body }: { key: string; body: string | null }) =>
      apiClient.put<SmsTemplate>(`/api/sms/templates/${key}`, { body: { body } }),
    STALE_AFTER.smsTemplates,
  );
export const previewSms = (body: { key?: string; body?: string }) =>
  apiClient.post<SmsPreview>('/api/admin/sms/preview', { body });

/** Refused catalogue file: the message plus every line and field that is wrong. */
export class CatalogueRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: CatalogueProblem[],
  ) {
    super(status, code, message);
  }
}

/** `POST /api/admin/procedures/import` with the CSV, XLSX or JSON file as the body. */
export async function uploadCatalogue(file: File): Promise<CatalogueImportResult> {
  const res = await fetch(
    `/api/admin/procedures/import?${new URLSearchParams({ fileName: file.name }).toString()}`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Accept-Language': currentLocale(),
        Accept: 'application/json',
      },
      body: file,
      credentials: 'same-origin',
    },
  );
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.ok) return body as CatalogueImportResult;
  const err = (
    body as { error?: { code: string; message: string; errors?: CatalogueProblem[] } } | undefined
  )?.error;
  throw new CatalogueRefused(
    res.status,
    err?.code ?? 'http_error',
    err?.message ?? `HTTP ${res.status}`,
    err?.errors ?? [],
  );
}
export const useUploadCatalogue = () => useAdminMutation(uploadCatalogue, STALE_AFTER.procedures);
