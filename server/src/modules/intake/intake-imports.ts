import { createHash } from 'node:crypto';
import type {
  ImportCommit,
  ImportPreview,
  ImportPreviewRow,
  ImportRecord,
  ImportRecordDetail,
  IntakeItemResult,
  IntakeResultInput,
  ListImportsQuery,
  SampleExportQuery,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotency } from '../../lib/idempotency';
import { publish } from '../../realtime/bus';
import { assertCan } from '../../policies';
import {
  sampleExportCsv,
  sampleExportFileName,
  sampleExportXlsx,
} from '../../demo/demo-results-export';
import type { JobHooks } from '../jobs/jobs.service';
import { readIntakeFile, type IntakeFile } from './intake-file';
import * as repo from './intake.repository';
import type { ImportRecordView } from './intake.repository';
import { applyResults } from './intake.service';

const noServedWards = () =>
  unprocessable('no_service_wards', {
    vi: 'Chưa có phường/xã nào được gán cho bưu cục của bạn, nên chưa tạo được tệp mẫu. Hãy nhờ quản trị viên gán vùng phục vụ.',
    en: 'No ward is assigned to your post offices yet, so no sample can be made. Ask an admin to set the service areas.',
  });

const IMPORT = { vi: 'Lần nhập kết quả', en: 'Results import' };

/** A file upload to preview or commit. */
export type ImportUpload = {
  body: unknown;
  fileName?: string | undefined;
  ip?: string | undefined;
  /** The client's token for `intake.progress` events (its upload screen). */
  progressToken?: string | undefined;
};

/** An import record as lists show it. */
export function presentImportRecord(v: ImportRecordView): ImportRecord {
  const r = v.row;
  return {
    id: r.id,
    source: r.source as ImportRecord['source'],
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy && v.userName ? { id: r.createdBy, fullName: v.userName } : null,
    apiKey: r.apiKeyId && v.keyName ? { id: r.apiKeyId, name: v.keyName } : null,
    unit: { id: r.unitId, name: v.unitName },
    rowsTotal: r.rowsTotal,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    refused: r.refused,
    durationMs: r.durationMs,
  };
}

/** A file row's answer: the item's outcome with its line and each problem's column. */
function previewRow(file: IntakeFile, it: IntakeItemResult): ImportPreviewRow {
  const { line, item } = file.items[it.index]!;
  const raw = item as Record<string, unknown>;
  const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : null);
  return {
    line,
    dossierCode: it.dossierCode,
    outcome: it.outcome,
    recipientName: text('recipientName') ?? '',
    wardName: text('wardName') ?? text('wardCode'),
    unitName: it.unitName ?? null,
    ...(it.jobCode ? { jobCode: it.jobCode } : {}),
    ...(it.changes ? { changes: it.changes } : {}),
    problems: it.problems.map((p) => ({ ...p, column: file.columns.get(p.field) ?? null })),
  };
}

const sha256 = (body: unknown) =>
  createHash('sha256')
    .update(Buffer.isBuffer(body) ? body : Buffer.alloc(0))
    .digest('hex');

/**
 * What committing the file would do, row by row (nothing is written), and the earlier imports
 * of the very same file.
 */
export async function previewImport(
  db: Db,
  auth: AuthContext,
  upload: ImportUpload,
  hooks: JobHooks,
): Promise<ImportPreview> {
  assertCan(auth, 'intake.import', { unitId: auth.user.unitId });
  const file = await readIntakeFile(upload.body);
  const fileSha256 = sha256(upload.body);
  const result = await applyResults(
    db,
    { ...scopeOf(auth, upload, fileSha256), dryRun: true },
    file.items.map((r) => r.item as IntakeResultInput),
    { hooks, auth, lineOf: (i) => file.items[i]!.line },
  );
  const previous = await repo.findImportsBySha(db, fileSha256, auth.unitIds);
  return {
    fileName: upload.fileName ?? null,
    fileSha256,
    rowsTotal: file.items.length,
    counts: result.counts,
    rows: result.items.map((it) => previewRow(file, it)),
    previousImports: previous.map((p) => ({
      id: p.row.id,
      createdAt: p.row.createdAt.toISOString(),
      createdBy: p.userName,
    })),
  };
}

function scopeOf(auth: AuthContext, upload: ImportUpload, fileSha256: string) {
  return {
    unitId: auth.user.unitId,
    userId: auth.user.id,
    apiKeyId: null,
    source: 'file' as const,
    fileName: upload.fileName,
    fileSha256,
  };
}

/**
 * Commits the file's good rows in one transaction (refused rows are kept on the record);
 * with an `Idempotency-Key` a retry replays the first answer. Publishes `intake.progress`
 * to the importer while the jobs are written.
 */
export async function commitImport(
  db: Db,
  auth: AuthContext,
  upload: ImportUpload & { idempotencyKey?: string | undefined },
  hooks: JobHooks,
): Promise<{ status: number; body: ImportCommit }> {
  assertCan(auth, 'intake.import', { unitId: auth.user.unitId });
  const file = await readIntakeFile(upload.body);
  const fileSha256 = sha256(upload.body);
  const onProgress = (done: number, total: number) =>
    publish({
      rooms: [`user:${auth.user.id}`],
      event: 'intake.progress',
      payload: { token: upload.progressToken, done, total },
      scope: { ability: 'intake.import', record: { unitId: auth.user.unitId } },
    });
  const r = await withIdempotency(
    db,
    {
      userId: auth.user.id,
      key: upload.idempotencyKey,
      scope: 'intake-import',
      request: { fileSha256, fileName: upload.fileName ?? null },
    },
    async (tx) => {
      const result = await applyResults(
        db,
        scopeOf(auth, upload, fileSha256),
        file.items.map((x) => x.item as IntakeResultInput),
        { hooks, auth, lineOf: (i) => file.items[i]!.line, onProgress, ip: upload.ip, tx },
      );
      const record = await repo.findImportRecord(tx, result.importId!);
      const body: ImportCommit = {
        import: presentImportRecord(record!),
        counts: result.counts,
        items: result.items.map((it) => previewRow(file, it)),
      };
      return { status: 201, body };
    },
  );
  return { status: r.status, body: r.body as ImportCommit };
}

/** The imports of the caller's units, newest first. */
export async function listImports(db: Db, auth: AuthContext, query: ListImportsQuery) {
  assertCan(auth, 'intake.list', { unitId: auth.user.unitId });
  const { items, total } = await repo.findImportRecords(db, auth.unitIds, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map(presentImportRecord), total, ...query };
}

/** One import with its refused rows; 403 for another unit's. */
export async function getImport(
  db: Db,
  auth: AuthContext,
  id: string,
): Promise<ImportRecordDetail> {
  const v = await repo.findImportRecord(db, id);
  if (!v) throw notFound(IMPORT);
  assertCan(auth, 'intake.list', { unitId: v.row.unitId });
  return {
    ...presentImportRecord(v),
    problems: v.row.problems as ImportRecordDetail['problems'],
  };
}

/** A synthetic one-stop export on the wards a post office serves and the active procedures. */
export async function sampleExport(
  db: Db,
  auth: AuthContext,
  query: SampleExportQuery,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  assertCan(auth, 'intake.import', { unitId: auth.user.unitId });
  const wards = await repo.findServedWards(db, auth.unitIds);
  if (wards.length === 0) throw noServedWards();
  const procedures = await repo.findActiveProcedures(db);
  const recipients = await repo.findKnownRecipients(db, auth.unitIds);
  const opts = {
    wards,
    procedures,
    recipients,
    rows: query.rows,
    seed: query.seed,
    bad: query.bad ?? false,
  };
  const fileName = sampleExportFileName(query.rows, query.format);
  if (query.format === 'xlsx') {
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await sampleExportXlsx(opts),
    };
  }
  return { fileName, contentType: 'text/csv; charset=utf-8', body: sampleExportCsv(opts) };
}
