import { foldVietnamese, parseVnd } from '@tannha/shared';
import type { LocalizedText } from '../../lib/errors';

/** What an admin (or an import) may change of a catalogue entry; the code is its key. */
export const EDITABLE_FIELDS = [
  'name',
  'agency',
  'field',
  'processingDays',
  'feeVnd',
  'postalChargeVnd',
  'requiredPapers',
  'inPersonOnly',
  'active',
] as const;
/** The columns of a catalogue file, in the order the documentation lists them. */
export const PROCEDURE_FIELDS = ['code', ...EDITABLE_FIELDS] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ProcedureField[] = [
  'code',
  'name',
  'agency',
  'field',
  'processingDays',
  'feeVnd',
];

/** A header or JSON key folded for matching: no case, no diacritics, letters and digits only. */
export const fieldKey = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

const ALIAS_NAMES: Record<ProcedureField, readonly string[]> = {
  code: ['Mã thủ tục', 'Mã', 'Mã TTHC', 'code'],
  name: ['Tên thủ tục', 'Tên', 'Tên TTHC', 'name'],
  agency: ['Cơ quan thực hiện', 'Cơ quan', 'agency'],
  field: ['Lĩnh vực', 'field'],
  processingDays: [
    'Số ngày xử lý',
    'Thời hạn (ngày)',
    'Thời hạn',
    'Thời hạn giải quyết',
    'Số ngày',
    'processingDays',
    'days',
  ],
  feeVnd: ['Phí lệ phí', 'Phí, lệ phí', 'Lệ phí', 'Phí', 'fee', 'feeVnd'],
  postalChargeVnd: ['Cước bưu chính', 'Cước', 'postalCharge', 'postalChargeVnd'],
  requiredPapers: ['Thành phần hồ sơ', 'Giấy tờ', 'requiredPapers', 'papers'],
  inPersonOnly: ['Nộp trực tiếp', 'Trực tiếp', 'Chỉ trực tiếp', 'inPersonOnly'],
  active: ['Hoạt động', 'Đang áp dụng', 'active'],
};

/** Folded header → field. */
const ALIASES: Readonly<Record<string, ProcedureField>> = Object.freeze(
  Object.fromEntries(
    PROCEDURE_FIELDS.flatMap((f) => ALIAS_NAMES[f].map((n) => [fieldKey(n), f] as const)),
  ),
);

/** The field a header (or JSON key) names, if any. */
export function fieldOf(header: string): ProcedureField | undefined {
  return ALIASES[fieldKey(header)];
}

export const FIELD_LABEL: Record<ProcedureField, LocalizedText> = {
  code: { vi: 'mã thủ tục', en: 'Procedure code' },
  name: { vi: 'tên thủ tục', en: 'Procedure name' },
  agency: { vi: 'cơ quan thực hiện', en: 'Agency' },
  field: { vi: 'lĩnh vực', en: 'Field' },
  processingDays: { vi: 'số ngày xử lý', en: 'Processing days' },
  feeVnd: { vi: 'phí, lệ phí', en: 'Fee' },
  postalChargeVnd: { vi: 'cước bưu chính', en: 'Postal charge' },
  requiredPapers: { vi: 'thành phần hồ sơ', en: 'Required papers' },
  inPersonOnly: { vi: 'nộp trực tiếp', en: 'In person only' },
  active: { vi: 'hoạt động', en: 'Active' },
};

export type ImportedProcedure = {
  line: number;
  code: string;
  name: string;
  agency: string;
  field: string;
  processingDays: number;
  feeVnd: number;
  postalChargeVnd?: number;
  requiredPapers?: string[];
  inPersonOnly?: boolean;
  active?: boolean;
};
export type ImportError = { line: number; field: string; message: LocalizedText };
export type RawRecord = Partial<Record<ProcedureField, unknown>>;

/** One record being checked: its raw values and where its mistakes go. */
type Cell = { raw: RawRecord; err: (field: ProcedureField, vi: string, en: string) => void };

const YES: readonly string[] = ['co', 'x', '1', 'true', 'yes', 'y', 'dung'];
const NO: readonly string[] = ['khong', '0', 'false', 'no', 'n', 'sai', ''];

const asText = (v: unknown) =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

function text({ raw, err }: Cell, f: ProcedureField, max: number): string {
  const s = asText(raw[f]);
  const l = FIELD_LABEL[f];
  if (!s) err(f, `Thiếu ${l.vi}.`, `${l.en} is missing.`);
  else if (s.length > max)
    err(f, `${l.vi} dài quá ${max} ký tự.`, `${l.en} is longer than ${max} characters.`);
  return s;
}

function days({ raw, err }: Cell, f: ProcedureField): number {
  const s = asText(raw[f]);
  const l = FIELD_LABEL[f];
  if (!s) err(f, `Thiếu ${l.vi}.`, `${l.en} is missing.`);
  else if (!/^-?\d+([.,]\d+)?$/.test(s))
    err(
      f,
      `${l.vi} "${s}" không phải số ngày. Hãy ghi số nguyên, ví dụ 5.`,
      `${l.en} "${s}" is not a number of days. Write a whole number, e.g. 5.`,
    );
  else if (!/^-?\d+$/.test(s))
    err(
      f,
      `${l.vi} "${s}" phải là số nguyên ngày.`,
      `${l.en} "${s}" must be a whole number of days.`,
    );
  else if (Number(s) < 0 || Number(s) > 365)
    err(f, `${l.vi} phải từ 0 đến 365.`, `${l.en} must be between 0 and 365.`);
  else return Number(s);
  return 0;
}

function money({ raw, err }: Cell, f: ProcedureField, required: boolean): number | undefined {
  const s = asText(raw[f]);
  const l = FIELD_LABEL[f];
  if (!s) {
    if (required)
      err(f, `Thiếu ${l.vi} (ghi 0 nếu miễn phí).`, `${l.en} is missing (write 0 if free).`);
    return required ? 0 : undefined;
  }
  if (/^-/.test(s)) {
    err(f, `${l.vi} không được âm (${s}).`, `${l.en} must not be negative (${s}).`);
    return 0;
  }
  const n = parseVnd(s);
  if (n === null || n > 1_000_000_000) {
    err(
      f,
      `${l.vi} "${s}" không phải số tiền hợp lệ. Ghi số đồng, ví dụ 150.000.`,
      `${l.en} "${s}" is not a valid amount. Write whole VND, e.g. 150.000.`,
    );
    return 0;
  }
  return n;
}

function flag({ raw, err }: Cell, f: ProcedureField): boolean | undefined {
  const v = raw[f];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  const s = fieldKey(String(v));
  if (YES.includes(s)) return true;
  if (NO.includes(s)) return s === '' ? undefined : false;
  err(
    f,
    `${FIELD_LABEL[f].vi} "${String(v)}" không rõ: ghi "có" hoặc "không".`,
    `${FIELD_LABEL[f].en} "${String(v)}" is unclear: write "yes" or "no".`,
  );
  return undefined;
}

function papers({ raw }: Cell): string[] | undefined {
  const v = raw.requiredPapers;
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v.map(String) : String(v).split(/[;|\n]/);
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Checks and converts one record's raw values (strings from CSV, anything from JSON). */
export function convertRecord(
  line: number,
  raw: RawRecord,
  errors: ImportError[],
): ImportedProcedure | undefined {
  const before = errors.length;
  const cell: Cell = {
    raw,
    err: (field, vi, en) => errors.push({ line, field, message: { vi, en } }),
  };
  const row: ImportedProcedure = {
    line,
    code: text(cell, 'code', 60),
    name: text(cell, 'name', 500),
    agency: text(cell, 'agency', 300),
    field: text(cell, 'field', 200),
    processingDays: days(cell, 'processingDays'),
    feeVnd: money(cell, 'feeVnd', true)!,
  };
  const postal = money(cell, 'postalChargeVnd', false);
  if (postal !== undefined) row.postalChargeVnd = postal;
  const p = papers(cell);
  if (p !== undefined) row.requiredPapers = p;
  const ipo = flag(cell, 'inPersonOnly');
  if (ipo !== undefined) row.inPersonOnly = ipo;
  const act = flag(cell, 'active');
  if (act !== undefined) row.active = act;
  return errors.length === before ? row : undefined;
}
