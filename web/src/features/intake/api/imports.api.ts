import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type {
  ImportCommit,
  ImportPreview,
  ImportPreviewRow,
  ImportRecord,
  ImportRecordDetail,
  ImportRecordListSchema,
  IntakeCounts,
  IntakeOutcome,
} from '@tannha/shared';
import type { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { intakeKeys } from './intake-keys';
import { uploadFile, type UploadOptions } from './upload';

/** What a batch did (or, in a preview, would do). */
export type ImportCounts = IntakeCounts;
export type RowOutcome = IntakeOutcome;
/** One row of the file as the preview reads it (and as the commit answers for it). */
export type PreviewRow = ImportPreviewRow;
/** A problem of a row: the file's own column name and the message in both languages. */
export type RowProblem = PreviewRow['problems'][number];
/** A message the server gives in both languages. */
export type Localized = RowProblem['message'];
export type ImportDetail = ImportRecordDetail;
export type RecordProblem = ImportDetail['problems'][number];
export type ImportPage = z.infer<typeof ImportRecordListSchema>;
export type { ImportCommit, ImportPreview, ImportRecord };

const withName = (path: string, file: File, extra: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ fileName: file.name, ...extra }).toString()}`;

/** Sends the file for a preview; nothing is written. */
export function previewImport(file: File, options: UploadOptions) {
  return uploadFile<ImportPreview>(withName('/api/intake/imports/preview', file), file, options);
}

/**
 * Commits the file. The idempotency key, made once per preview, makes a retry after a lost
 * answer return the first commit's answer instead of importing again.
 */
export function commitImport(file: File, idempotencyKey: string, options: UploadOptions) {
  // The same key names the commit's `intake.progress` events, so the screen counts its own rows.
  const url = withName('/api/intake/imports', file, { progressToken: idempotencyKey });
  return uploadFile<ImportCommit>(url, file, {
    ...options,
    headers: { ...options.headers, 'Idempotency-Key': idempotencyKey },
  });
}

/** The sample one-stop export's address (synthetic data, labelled as such in the file). */
export function sampleExportUrl(format: 'xlsx' | 'csv', rows = 200): string {
  return `/api/intake/sample-export?${new URLSearchParams({ rows: String(rows), format }).toString()}`;
}

export const IMPORTS_PAGE_SIZE = 20;

export const importsQuery = (page: number) =>
  queryOptions({
    queryKey: intakeKeys.importPage(page),
    queryFn: ({ signal }) =>
      apiClient.get<ImportPage>('/api/intake/imports', {
        signal,
        query: { page, pageSize: IMPORTS_PAGE_SIZE },
      }),
  });

/** Past imports, newest first, one page at a time. */
export function useImports(page: number) {
  return useQuery({ ...importsQuery(page), placeholderData: keepPreviousData });
}

/** One import with the rows it refused; fetched only while `id` is set. */
export function useImportDetail(id: string | null) {
  return useQuery({
    queryKey: intakeKeys.importDetail(id ?? ''),
    queryFn: ({ signal }) => apiClient.get<ImportDetail>(`/api/intake/imports/${id}`, { signal }),
    enabled: id !== null,
  });
}
