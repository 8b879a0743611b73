import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueProcedure } from '@tannha/shared';

import { ApiError, apiClient } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';

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

const keys = {
  users: ['admin', 'users'] as const,
  units: ['admin', 'units'] as const,
  procedures: (q: string, inactive: boolean) => ['admin', 'procedures', q, inactive] as const,
  holidays: (year: number) => ['admin', 'holidays', year] as const,
  settings: ['admin', 'settings'] as const,
  templates: ['sms', 'templates'] as const,
  audit: (entityType: string) => ['admin', 'audit', entityType] as const,
};

export const adminUsersQuery = () =>
  queryOptions({
    queryKey: keys.users,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: AdminUser[] }>('/api/admin/users', { signal })).items,
  });
export const adminUnitsQuery = () =>
  queryOptions({
    queryKey: keys.units,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: AdminUnit[] }>('/api/admin/units', { signal })).items,
  });
export const adminProceduresQuery = (q: string, inactive: boolean) =>
  queryOptions({
    queryKey: keys.procedures(q, inactive),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: AdminProcedure[] }>('/api/admin/procedures', {
          signal,
          query: { q: q || undefined, includeInactive: inactive ? 'true' : undefined },
        })
      ).items,
  });
export const holidaysQuery = (year: number) =>
  queryOptions({
    queryKey: keys.holidays(year),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: HolidayItem[] }>('/api/admin/holidays', {
          signal,
          query: { year },
        })
      ).items,
  });
export const settingsQuery = () =>
  queryOptions({
    queryKey: keys.settings,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: SettingItem[] }>('/api/admin/settings', { signal })).items,
  });
export const smsTemplatesQuery = () =>
  queryOptions({
    queryKey: keys.templates,
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: SmsTemplate[] }>('/api/sms/templates', { signal })).items,
  });
export const auditQuery = (entityType: string) =>
  queryOptions({
    queryKey: keys.audit(entityType),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: AuditItem[] }>('/api/admin/audit', {
          signal,
          query: { entityType: entityType || undefined, limit: 100 },
        })
      ).items,
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
        [...invalidate, ['admin', 'audit']].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreateUser = () =>
  useAdminMutation(
    (body: {
      username: string;
      fullName: string;
      role: string;
      unitId: string;
      password: string;
    }) => apiClient.post<AdminUser>('/api/admin/users', { body }),
    [keys.users, ['users']],
  );
export const useUpdateUser = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string; role?: string; unitId?: string; disabled?: boolean }) =>
      apiClient.patch<AdminUser>(`/api/admin/users/${id}`, { body }),
    [keys.users, ['users']],
  );
export const useResetPassword = () =>
  useAdminMutation(
    ({ id, password }: { id: string; password: string }) =>
      apiClient.post<{ sessionsEnded: number }>(`/api/admin/users/${id}/password`, {
        body: { password },
      }),
    [],
  );
export const useCreateUnit = () =>
  useAdminMutation(
    (body: { code: string; name: string; parentId: string; address: string }) =>
      apiClient.post<AdminUnit>('/api/admin/units', { body }),
    [keys.units, ['units']],
  );
export const useUpdateUnit = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string; name?: string; address?: string }) =>
      apiClient.patch<AdminUnit>(`/api/admin/units/${id}`, { body }),
    [keys.units, ['units']],
  );
export const useUpdateProcedure = () =>
  useAdminMutation(
    ({ id, ...body }: { id: string } & Partial<Omit<AdminProcedure, 'id' | 'code'>>) =>
      apiClient.patch<AdminProcedure>(`/api/admin/procedures/${id}`, { body }),
    [['admin', 'procedures'], ['procedures']],
  );
export const useAddHoliday = () =>
  useAdminMutation(
    (body: HolidayItem) => apiClient.post<HolidayItem>('/api/admin/holidays', { body }),
    [['admin', 'holidays'], ['holidays']],
  );
export const useRemoveHoliday = () =>
  useAdminMutation(
    (date: string) => apiClient.delete<{ removed: string }>(`/api/admin/holidays/${date}`),
    [['admin', 'holidays'], ['holidays']],
  );
export const useFillHolidays = () =>
  useAdminMutation(
    (year: number) =>
      apiClient.post<{ added: number; skipped: number }>('/api/admin/holidays/fill-defaults', {
        body: { year },
      }),
    [['admin', 'holidays'], ['holidays']],
  );
export const useSaveSetting = () =>
  useAdminMutation(
    ({ key, value }: { key: string; value: unknown }) =>
      apiClient.put<SettingItem>(`/api/admin/settings/${key}`, { body: { value } }),
    [keys.settings],
  );
export const useSaveTemplate = () =>
  useAdminMutation(
    ({ key, body }: { key: string; body: string | null }) =>
      apiClient.put<SmsTemplate>(`/api/sms/templates/${key}`, { body: { body } }),
    [keys.templates],
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

/** `POST /api/admin/procedures/import` with the CSV or JSON file as the body. */
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
export const useUploadCatalogue = () =>
  useAdminMutation(uploadCatalogue, [['admin', 'procedures'], ['procedures']]);
