import type { ProcedureImportSummary } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, localize, type Locale } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { uploadedText } from '../../lib/import/text-upload';
import { looksLikeZip, xlsxRecords } from '../../lib/import/xlsx';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import {
  parseProcedureFile,
  parseProcedureRecords,
  type ImportedProcedure,
  type ImportError,
} from './procedure-file.parse';
import { EDITABLE_FIELDS } from './procedure-file.fields';
import { presentCatalogueProcedure } from './procedures.presenter';
import * as repo from './procedures.repository';

type ImportOptions = { fileName?: string | undefined; ip?: string | undefined };

/** The most procedures one .xlsx import takes, and what its zip may unpack to. */
const XLSX_LIMITS = { maxRows: 5000, maxUnpackedBytes: 20 * 1024 * 1024 };
const notText = () =>
  new AppError(415, 'procedures_file_not_text', {
    vi: 'Tệp tải lên không phải tệp CSV, JSON (UTF-8) hay Excel .xlsx. Hãy lưu danh mục dưới dạng CSV UTF-8 hoặc .xlsx rồi tải lại.',
    en: 'The upload is not a CSV or JSON (UTF-8) file nor an Excel .xlsx. Save the catalogue as CSV UTF-8 or .xlsx and upload it again.',
  });

/** An uploaded catalogue: an .xlsx (a zip) by its first bytes, otherwise CSV or JSON text. */
async function parseUpload(body: unknown) {
  if (Buffer.isBuffer(body) && looksLikeZip(body))
    return parseProcedureRecords(await xlsxRecords(body, XLSX_LIMITS));
  return parseProcedureFile(uploadedText(body, notText));
}

function valuesOf(r: ImportedProcedure) {
  const { line: _line, ...v } = r;
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** 422 naming the first mistake; `errors` lists them all in the caller's language. */
function invalidFile(errors: ImportError[], locale: Locale): AppError {
  const first = errors[0]!;
  return new AppError(
    422,
    'procedures_file_invalid',
    {
      vi: `Tệp có ${errors.length} lỗi, chưa ghi gì. Lỗi đầu tiên ở dòng ${first.line}, cột ${first.field}: ${first.message.vi} Sửa tệp rồi tải lại.`,
      en: `The file has ${errors.length} mistake(s); nothing was written. First at line ${first.line}, field ${first.field}: ${first.message.en} Fix the file and upload it again.`,
    },
    {
      extra: {
        errors: errors.map((e) => ({
          line: e.line,
          field: e.field,
          message: localize(e.message, locale),
        })),
      },
    },
  );
}

/** Writes one imported row: inserted, updated (only changed fields) or unchanged. */
async function writeRow(
  tx: DbOrTx,
  auth: AuthContext,
  r: ImportedProcedure,
  before: repo.ProcedureRow | undefined,
  opts: ImportOptions,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const v = valuesOf(r);
  const audit = { actorId: auth.user.id, action: 'procedure.import', entityType: 'procedure' };
  const reason = opts.fileName ?? null;
  if (!before) {
    const row = (await repo.insertProcedure(tx, v))!;
    await recordAudit(tx, {
      ...audit,
      entityId: row.id,
      after: presentCatalogueProcedure(row),
      reason,
      ip: opts.ip,
    });
    return 'inserted';
  }
  const set: Partial<repo.ProcedureInsert> = {};
  for (const k of EDITABLE_FIELDS)
    if (v[k] !== undefined && !same(v[k], before[k])) (set as Record<string, unknown>)[k] = v[k];
  if (Object.keys(set).length === 0) return 'unchanged';
  const after = (await repo.updateProcedureRow(tx, before.id, { ...set, updatedAt: new Date() }))!;
  await recordAudit(tx, {
    ...audit,
    entityId: before.id,
    before: presentCatalogueProcedure(before),
    after: presentCatalogueProcedure(after),
    reason,
    ip: opts.ip,
  });
  return 'updated';
}

/**
 * Upserts the file's procedures by code in one transaction; a file with any mistake is
 * refused whole (422, `errors: [{ line, field, message }]`) and nothing is written.
 */
export async function importProcedures(
  db: Db,
  auth: AuthContext,
  file: unknown,
  locale: Locale,
  opts: ImportOptions,
): Promise<ProcedureImportSummary> {
  assertCan(auth, 'procedures.import', { fileName: opts.fileName });
  const parsed = await parseUpload(file);
  if (!parsed.ok) throw invalidFile(parsed.errors, locale);
  return db.transaction(async (tx) => {
    const existing = new Map(
      (
        await repo.findProceduresByCodes(
          tx,
          parsed.rows.map((r) => r.code),
        )
      ).map((p) => [p.code, p]),
    );
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const r of parsed.rows) counts[await writeRow(tx, auth, r, existing.get(r.code), opts)]++;
    const summary = { total: parsed.rows.length, ...counts };
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'procedures.import',
      entityType: 'procedure_catalogue',
      entityId: null,
      after: { ...summary, fileName: opts.fileName ?? null },
      ip: opts.ip,
    });
    return summary;
  });
}
