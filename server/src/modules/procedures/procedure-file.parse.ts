/**
 * Reads a procedure catalogue file (CSV or JSON) into rows, or into a list of mistakes with
 * the line and field of each — nothing is written until the whole file is right.
 *
 * CSV: UTF-8 (a BOM is fine), first line the header, separated by `,`, `;` or tab (the one
 * the header uses most), fields may be quoted ("…", "" inside). Column names, Vietnamese
 * or English, any case, with or without diacritics:
 *
 * | field            | accepted headers                                          | required |
 * |------------------|-----------------------------------------------------------|----------|
 * | code             | Mã thủ tục, Mã, code                                      | yes      |
 * | name             | Tên thủ tục, Tên, name                                    | yes      |
 * | agency           | Cơ quan thực hiện, Cơ quan, agency                        | yes      |
 * | field            | Lĩnh vực, field                                           | yes      |
 * | processingDays   | Số ngày xử lý, Thời hạn (ngày), Số ngày, processingDays    | yes      |
 * | feeVnd           | Phí lệ phí, Lệ phí, Phí, fee, feeVnd                      | yes      |
 * | postalChargeVnd  | Cước bưu chính, Cước, postalCharge, postalChargeVnd       | no (0)   |
 * | requiredPapers   | Thành phần hồ sơ, Giấy tờ, requiredPapers (split by `;` or `|`) | no |
 * | inPersonOnly     | Nộp trực tiếp, Trực tiếp, inPersonOnly (có/không, x, 1/0, true/false) | no |
 * | active           | Hoạt động, Đang áp dụng, active (same values)             | no (có)  |
 *
 * Money may be written `150.000`, `150000` or `150.000 ₫`; days are whole numbers.
 * XLSX: the same columns on the first worksheet, the header on its first row.
 * JSON: an array of objects with the English field names (numbers as numbers or text).
 * An optional column left out keeps an existing procedure's value on update.
 */
import { csvRecords, csvSeparator, type CsvRecord } from '../../lib/import/csv';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from '../../lib/import/json-with-lines';
import {
  convertRecord,
  fieldOf,
  FIELD_LABEL,
  PROCEDURE_FIELDS,
  REQUIRED_FIELDS,
  type ImportedProcedure,
  type ImportError,
  type ProcedureField,
  type RawRecord,
} from './procedure-file.fields';

export { PROCEDURE_FIELDS, type ImportedProcedure, type ImportError, type ProcedureField };
export type ParseResult =
  | { ok: true; rows: ImportedProcedure[]; columns: ProcedureField[] }
  | { ok: false; errors: ImportError[] };

const MAX_ERRORS = 200;

const fileError = (line: number, field: string, vi: string, en: string): ImportError => ({
  line,
  field,
  message: { vi, en },
});

function checkDuplicates(rows: ImportedProcedure[], errors: ImportError[]) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.code);
    if (first !== undefined) {
      errors.push(
        fileError(
          r.line,
          'code',
          `Mã "${r.code}" đã có ở dòng ${first}.`,
          `Code "${r.code}" already appears on line ${first}.`,
        ),
      );
    } else seen.set(r.code, r.line);
  }
}

/** Mistakes of the header line: unknown columns, missing required ones. */
function headerErrors(line: number, cells: string[], columns: (ProcedureField | undefined)[]) {
  const errors: ImportError[] = [];
  cells.forEach((h, i) => {
    if (!columns[i] && h.trim()) {
      errors.push(
        fileError(
          line,
          h.trim(),
          `Không hiểu cột "${h.trim()}". Các cột nhận được: ${Object.values(FIELD_LABEL)
            .map((l) => l.vi)
            .join(', ')}.`,
          `Unknown column "${h.trim()}". Accepted columns: ${PROCEDURE_FIELDS.join(', ')}.`,
        ),
      );
    }
  });
  for (const f of REQUIRED_FIELDS) {
    if (!columns.includes(f))
      errors.push(
        fileError(
          line,
          f,
          `Thiếu cột ${FIELD_LABEL[f].vi}.`,
          `The ${FIELD_LABEL[f].en} column is missing.`,
        ),
      );
  }
  return errors;
}

function parseCsv(text: string): ParseResult {
  return parseProcedureRecords(
    csvRecords(text, csvSeparator(text.slice(0, text.search(/\r?\n|$/)))),
  );
}

/** Rows of cells (from a CSV or the first worksheet of an .xlsx), the header first. */
export function parseProcedureRecords(input: CsvRecord[]): ParseResult {
  const records = [...input];
  const header = records.shift();
  if (!header)
    return { ok: false, errors: [fileError(1, 'file', 'Tệp trống.', 'The file is empty.')] };
  const columns = header.cells.map(fieldOf);
  const errors = headerErrors(header.line, header.cells, columns);
  if (errors.length) return { ok: false, errors };
  const rows: ImportedProcedure[] = [];
  for (const rec of records) {
    if (errors.length >= MAX_ERRORS) break;
    const raw: RawRecord = {};
    columns.forEach((f, i) => {
      if (f) raw[f] = rec.cells[i] ?? '';
    });
    const row = convertRecord(rec.line, raw, errors);
    if (row) rows.push(row);
  }
  checkDuplicates(rows, errors);
  if (!errors.length && !rows.length)
    errors.push(
      fileError(
        2,
        'file',
        'Tệp không có dòng thủ tục nào dưới dòng tiêu đề.',
        'The file has no procedure lines under the header.',
      ),
    );
  return errors.length
    ? { ok: false, errors }
    : { ok: true, rows, columns: columns.filter((c): c is ProcedureField => Boolean(c)) };
}

/** The JSON file's list of procedures (an array, or `{ items: [...] }`), or its first mistake. */
function jsonList(text: string): unknown[] | ImportError {
  let data: unknown;
  try {
    data = parseJsonWithLines(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return fileError(
      e.line,
      'json',
      `JSON sai cú pháp ở cột ${e.column}: ${e.message}`,
      `JSON syntax error at column ${e.column}: ${e.message}`,
    );
  }
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items))
    return (data as { items: unknown[] }).items;
  return fileError(
    1,
    'json',
    'Tệp JSON phải là một mảng các thủ tục.',
    'The JSON file must be an array of procedures.',
  );
}

function parseJson(text: string): ParseResult {
  const list = jsonList(text);
  if (!Array.isArray(list)) return { ok: false, errors: [list] };
  const errors: ImportError[] = [];
  const rows: ImportedProcedure[] = [];
  const present = new Set<ProcedureField>();
  for (const item of list) {
    if (errors.length >= MAX_ERRORS) break;
    const line = lineOf(item) ?? 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push(
        fileError(
          line,
          'item',
          'Mỗi phần tử phải là một đối tượng thủ tục.',
          'Each element must be a procedure object.',
        ),
      );
      continue;
    }
    const raw: RawRecord = {};
    for (const [k, v] of Object.entries(item)) {
      const f = fieldOf(k);
      if (f) {
        raw[f] = v;
        present.add(f);
      }
    }
    const row = convertRecord(line, raw, errors);
    if (row) rows.push(row);
  }
  checkDuplicates(rows, errors);
  if (!errors.length && !rows.length)
    errors.push(fileError(1, 'json', 'Tệp không có thủ tục nào.', 'The file has no procedures.'));
  return errors.length ? { ok: false, errors } : { ok: true, rows, columns: [...present] };
}

/** JSON when the text starts with `[` or `{`, CSV otherwise. */
export function parseProcedureFile(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*[[{]/.test(body) ? parseJson(body) : parseCsv(body);
}
