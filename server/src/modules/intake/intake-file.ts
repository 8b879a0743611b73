import { foldVietnamese, type IntakeResultInput } from '@tannha/shared';
import { AppError, type LocalizedText } from '../../lib/errors';
import { csvRecords, csvSeparator, type CsvRecord } from '../../lib/import/csv';
import { uploadedText } from '../../lib/import/text-upload';
import { looksLikeZip, xlsxRecords } from '../../lib/import/xlsx';
import { FIELD_NAMES } from './intake-rules';

/**
 * Reading the one-stop system's export (CSV in UTF-8 or UTF-16, or .xlsx): finds the header row
 * (Vietnamese or English, any order, case and accents aside), maps each row to an intake item
 * and remembers which column each field came from, so problems name the column as written.
 */

/** The largest file an import takes, and the most rows. */
export const INTAKE_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const INTAKE_FILE_MAX_ROWS = 20_000;

type Column =
  | 'dossierCode'
  | 'procedure'
  | 'procedureCode'
  | 'recipientName'
  | 'phone'
  | 'addressText'
  | 'ward'
  | 'wardCode'
  | 'resultReadyDate'
  | 'feeDueVnd'
  | 'postalChargeVnd'
  | 'postalChargePayer'
  | 'notes';

/** Header spellings (folded, punctuation as spaces) of each column. */
const HEADERS: Record<Column, string[]> = {
  dossierCode: ['ma ho so', 'so ho so', 'ma hs', 'dossier code', 'dossier', 'dossier no'],
  procedure: ['thu tuc', 'ten thu tuc', 'thu tuc hanh chinh', 'procedure', 'procedure name'],
  procedureCode: ['ma thu tuc', 'ma tthc', 'procedure code'],
  recipientName: [
    'nguoi nhan',
    'ho ten',
    'ho va ten',
    'ten nguoi nhan',
    'ho ten nguoi nhan',
    'recipient',
    'recipient name',
    'full name',
    'name',
  ],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'phone number', 'mobile'],
  addressText: [
    'dia chi',
    'dia chi nhan',
    'dia chi nhan ket qua',
    'dia chi giao',
    'so nha duong',
    'address',
    'delivery address',
    'street address',
  ],
  ward: ['phuong xa', 'phuong', 'xa', 'ten phuong xa', 'ward', 'ward name', 'ward commune'],
  wardCode: ['ma phuong xa', 'ma xa', 'ma phuong', 'ward code'],
  resultReadyDate: [
    'ngay hen tra',
    'ngay co ket qua',
    'ngay tra ket qua',
    'ngay hen tra ket qua',
    'result date',
    'ready date',
    'due date',
    'result ready date',
    'result due date',
  ],
  feeDueVnd: [
    'phi le phi con thu',
    'phi con thu',
    'le phi con thu',
    'phi le phi',
    'fee due',
    'fee to collect',
    'fees due',
    'fee',
  ],
  postalChargeVnd: ['cuoc', 'cuoc phi', 'cuoc buu chinh', 'cuoc vc', 'postal charge', 'postage'],
  postalChargePayer: [
    'nguoi tra cuoc',
    'ben tra cuoc',
    'tra cuoc',
    'charge paid by',
    'postal charge payer',
    'payer',
  ],
  notes: ['ghi chu', 'notes', 'note', 'remarks'],
};

/** Column by header spelling (frozen: read-only lookup table). */
const BY_HEADER: Readonly<Record<string, Column>> = Object.freeze(
  Object.fromEntries(
    (Object.entries(HEADERS) as [Column, string[]][]).flatMap(([col, names]) =>
      names.map((n) => [n, col] as const),
    ),
  ),
);

const headerKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A file read into intake items, each with its line and the header each field came from. */
export type IntakeFile = {
  items: { line: number; item: IntakeResultInput }[];
  /** Field → the header as the file wrote it. */
  columns: Map<string, string>;
};

const notText = () =>
  new AppError(415, 'import_not_text', {
    vi: 'Tệp tải lên không phải tệp CSV (UTF-8/UTF-16) hay .xlsx. Hãy xuất lại danh sách kết quả từ hệ thống một cửa.',
    en: 'The upload is not a CSV (UTF-8/UTF-16) or .xlsx file. Export the list of results from the one-stop system again.',
  });

const emptyFile = () =>
  new AppError(400, 'import_empty', {
    vi: 'Tệp không có dòng dữ liệu nào.',
    en: 'The file has no data rows.',
  });

/** The records of the upload (CSV text or the first worksheet of an .xlsx). */
async function recordsOf(body: unknown): Promise<CsvRecord[]> {
  if (Buffer.isBuffer(body) && looksLikeZip(body)) {
    return xlsxRecords(body, {
      maxRows: INTAKE_FILE_MAX_ROWS,
      maxUnpackedBytes: 200 * 1024 * 1024,
    });
  }
  const text = uploadedText(body, notText);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  return csvRecords(text, csvSeparator(firstLine));
}

/** The header row: the first of the first ten records that names at least three columns. */
function findHeader(records: CsvRecord[]): { at: number; map: Map<number, Column> } | undefined {
  for (let at = 0; at < Math.min(records.length, 10); at++) {
    const map = new Map<number, Column>();
    records[at]!.cells.forEach((cell, i) => {
      const col = Object.hasOwn(BY_HEADER, headerKey(cell))
        ? BY_HEADER[headerKey(cell)]
        : undefined;
      if (col && ![...map.values()].includes(col)) map.set(i, col);
    });
    if (map.size >= 3) return { at, map };
  }
  return undefined;
}

function missingColumns(found: Set<Column>): LocalizedText[] {
  const need: [Column, string][] = [
    ['dossierCode', 'dossierCode'],
    ['recipientName', 'recipientName'],
    ['phone', 'phone'],
    ['addressText', 'addressText'],
  ];
  const out = need.filter(([c]) => !found.has(c)).map(([, f]) => FIELD_NAMES[f]!);
  if (!found.has('ward') && !found.has('wardCode')) out.push(FIELD_NAMES.wardName!);
  return out;
}

/** Reads the upload; 400 `import_missing_columns` naming the columns it lacks. */
export async function readIntakeFile(body: unknown): Promise<IntakeFile> {
  const records = await recordsOf(body);
  if (records.length === 0) throw emptyFile();
  if (records.length > INTAKE_FILE_MAX_ROWS + 10) {
    throw new AppError(413, 'import_too_many_rows', {
      vi: `Tệp có ${records.length} dòng, nhiều hơn giới hạn ${INTAKE_FILE_MAX_ROWS} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
      en: `The file has ${records.length} rows, more than the ${INTAKE_FILE_MAX_ROWS} one import takes. Split it into several files.`,
    });
  }
  const header = findHeader(records);
  const found = new Set(header?.map.values() ?? []);
  const missing = missingColumns(found);
  if (!header || missing.length > 0) {
    const list = missing.length > 0 ? missing : Object.values(FIELD_NAMES).slice(0, 1);
    throw new AppError(400, 'import_missing_columns', {
      vi: `Tệp thiếu cột: ${list.map((m) => m.vi).join(', ')}. Dòng tiêu đề cần có Mã hồ sơ, Người nhận, Số điện thoại, Địa chỉ, Phường/Xã.`,
      en: `The file lacks the columns: ${list.map((m) => m.en).join(', ')}. The header needs Dossier code, Recipient, Phone, Address, Ward.`,
    });
  }
  const headerCells = records[header.at]!.cells;
  const columns = new Map<string, string>();
  for (const [i, col] of header.map) {
    const name = headerCells[i]!.trim();
    for (const f of fieldsOfColumn(col)) if (!columns.has(f)) columns.set(f, name);
  }
  const rows = records.slice(header.at + 1);
  if (rows.length === 0) throw emptyFile();
  return {
    items: rows.map((r) => ({ line: r.line, item: itemOf(r.cells, header.map) })),
    columns,
  };
}

/** The intake fields a column fills (their problems point at it). */
function fieldsOfColumn(col: Column): string[] {
  if (col === 'procedure') return ['procedureName', 'procedureCode'];
  if (col === 'ward') return ['wardName', 'wardCode'];
  return [col];
}

/** One row's cells as an intake item (amounts, dates and the payer read as people write them). */
function itemOf(cells: string[], map: Map<number, Column>): IntakeResultInput {
  const out: Record<string, unknown> = {};
  for (const [i, col] of map) {
    const v = (cells[i] ?? '').trim();
    if (v === '') continue;
    if (col === 'procedure') {
      if (/^\d[\dA-Za-z.]*$/.test(v)) out.procedureCode ??= v;
      else out.procedureName = v;
    } else if (col === 'ward') {
      if (/^\d+$/.test(v)) out.wardCode ??= v;
      else out.wardName = v;
    } else if (col === 'feeDueVnd' || col === 'postalChargeVnd') out[col] = readAmount(v);
    else if (col === 'resultReadyDate') out[col] = readDate(v);
    else if (col === 'postalChargePayer') out[col] = readPayer(v);
    else out[col] = v;
  }
  return out as IntakeResultInput;
}

/** `150.000`, `150,000 ₫`, `150000đ` → 150000; anything else stays text (the rules refuse it). */
export function readAmount(v: string): number | string {
  const s = v.replace(/\s|₫|đ|vnd|VND|VNĐ/g, '');
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  if (/^\d+$/.test(s)) return Number(s);
  return v;
}

/** dd/MM/yyyy (or d/M/yyyy, with - or .) → YYYY-MM-DD; YYYY-MM-DD as is; else the text. */
export function readDate(v: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return v;
}

function readPayer(v: string): string {
  const k = headerKey(v);
  if (['cong dan', 'citizen', 'nguoi dan', 'ca nhan', 'nguoi nhan'].includes(k)) return 'citizen';
  if (['co quan', 'agency', 'don vi', 'co quan giai quyet'].includes(k)) return 'agency';
  return v;
}
