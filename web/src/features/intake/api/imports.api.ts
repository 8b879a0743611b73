import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { intakeKeys } from './intake-keys';
import { uploadFile, type UploadOptions } from './upload';

/** What a batch did (or, in a preview, would do). */
export type ImportCounts = { created: number; updated: number; unchanged: number; refused: number };
export type RowOutcome = keyof ImportCounts;

/** A message the server gives in both languages, or already in the caller's. */
export type Localized = string | { vi: string; en: string };

/** One problem of a previewed row: the file's own column name and the message. */
export type RowProblem = {
  column?: string | null;
  field: string;
  code: string;
  message: Localized;
};

/** One row of the file as the preview reads it. */
export type PreviewRow = {
  line: number;
  dossierCode: string;
  outcome: RowOutcome;
  recipientName?: string | null;
  wardName?: string | null;
  unitName?: string | null;
  jobCode?: string | null;
  changes?: string[];
  problems: RowProblem[];
};

/** Someone who imported: a staff member, or nobody (an API key did). */
export type Importer = { id: string; fullName: string } | string | null;

/** `POST /api/intake/imports/preview`: what committing the file would do, row by row. */
export type ImportPreview = {
  fileName: string;
  fileSha256: string;
  rowsTotal: number;
  counts: ImportCounts;
  rows: PreviewRow[];
  previousImports: { id: string; createdAt: string; createdBy: Importer }[];
};

/** One import, from a file or the intake API. */
export type ImportRecord = ImportCounts & {
  id: string;
  source: 'file' | 'api';
  fileName: string | null;
  fileSha256: string | null;
  createdAt: string;
  createdBy: { id: string; fullName: string } | null;
  apiKey: { id: string; name: string } | null;
  unit: { id: string; name: string };
  rowsTotal: number;
  durationMs: number | null;
};

/** A refused (or otherwise noted) row kept on the import record. */
export type RecordProblem = {
  line?: number | null;
  index?: number | null;
  dossierCode?: string | null;
  column?: string | null;
  field?: string | null;
  code?: string | null;
  message?: Localized;
  problems?: RowProblem[];
};

export type ImportDetail = ImportRecord & { problems: RecordProblem[] };

/** One dossier as the commit answers for it. */
export type CommitItem = {
  index: number;
  line?: number;
  dossierCode: string;
  outcome: RowOutcome;
  jobId?: string;
  jobCode?: string;
  unitName?: string;
  changes?: string[];
  problems: RowProblem[];
};

/** `POST /api/intake/imports`: the record and each row's outcome. */
export type ImportCommit = { import: ImportRecord; counts: ImportCounts; items: CommitItem[] };

export type ImportPage = { items: ImportRecord[]; total: number; page: number; pageSize: number };

const withName = (path: string, file: File) =>
  `${path}?${new URLSearchParams({ fileName: file.name }).toString()}`;

/** Sends the file for a preview; nothing is written. */
export function previewImport(file: File, options: UploadOptions) {
  return uploadFile<ImportPreview>(withName('/api/intake/imports/preview', file), file, options);
}

/**
 * Commits the file. The idempotency key, made once per preview, makes a retry after a lost
 * answer return the first commit's answer instead of importing again.
 */
export function commitImport(file: File, idempotencyKey: string, options: UploadOptions) {
  return uploadFile<ImportCommit>(withName('/api/intake/imports', file), file, {
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
