import { queryOptions, useQuery } from '@tanstack/react-query';

import { ApiError, apiClient } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';

import { adminKeys } from './admin-keys';

export type ProvinceItem = {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  effectiveDate: string;
  wardCount: number;
};
export type ImportResult = {
  effectiveDate: string;
  provinces: { inserted: number; updated: number };
  wards: { inserted: number; updated: number };
};
export type ImportProblem = { line: number | null; field: string; message: string };

export function provincesQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.provinces(),
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ items: ProvinceItem[] }>('/api/admin-units/provinces', { signal }))
        .items,
  });
}

export function useProvinces() {
  return useQuery(provincesQueryOptions());
}

/** Thrown for a refused file: the server's message plus each problem with its line. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: ImportProblem[],
  ) {
    super(status, code, message);
  }
}

/**
 * `POST /api/admin/admin-units/import` with the file as the raw body. XMLHttpRequest, not
 * fetch, because only it reports upload progress for the progress bar.
 */
export function uploadAdminUnits(
  file: File,
  effectiveDate: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ fileName: file.name });
    if (effectiveDate) params.set('effectiveDate', effectiveDate);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/admin/admin-units/import?${params.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportResult);
      const err = (
        body as
          { error?: { code: string; message: string; problems?: ImportProblem[] } } | undefined
      )?.error;
      reject(
        new ImportRefused(
          xhr.status,
          err?.code ?? 'http_error',
          err?.message ?? `HTTP ${xhr.status}`,
          err?.problems ?? [],
        ),
      );
    };
    xhr.send(file);
  });
}
