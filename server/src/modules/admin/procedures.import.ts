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
 * JSON: an array of objects with the English field names (numbers as numbers or text).
 * An optional column left out keeps an existing procedure's value on update.
 */
import { foldVietnamese, parseVnd } from '@tannha/shared';
import type { LocalizedText } from '../../lib/errors';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from '../admin-units/json-with-lines';

export const PROCEDURE_FIELDS = [
  'code',
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
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];
const REQUIRED: readonly ProcedureField[] = [
  'code',
  'name',
  'agency',
  'field',
  'processingDays',
  'feeVnd',
];

const key = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');
const ALIASES: Record<string, ProcedureField> = {};
const alias = (f: ProcedureField, names: string[]) => names.forEach((n) => (ALIASES[key(n)] = f));
alias('code', ['Mã thủ tục', 'Mã', 'Mã TTHC', 'code']);
alias('name', ['Tên thủ tục', 'Tên', 'Tên TTHC', 'name']);
alias('agency', ['Cơ quan thực hiện', 'Cơ quan', 'agency']);
alias('field', ['Lĩnh vực', 'field']);
alias('processingDays', [
  'Số ngày xử lý',
  'Thời hạn (ngày)',
  'Thời hạn',
  'Thời hạn giải quyết',
  'Số ngày',
  'processingDays',
  'days',
]);
alias('feeVnd', ['Phí lệ phí', 'Phí, lệ phí', 'Lệ phí', 'Phí', 'fee', 'feeVnd']);
alias('postalChargeVnd', ['Cước bưu chính', 'Cước', 'postalCharge', 'postalChargeVnd']);
alias('requiredPapers', ['Thành phần hồ sơ', 'Giấy tờ', 'requiredPapers', 'papers']);
alias('inPersonOnly', ['Nộp trực tiếp', 'Trực tiếp', 'Chỉ trực tiếp', 'inPersonOnly']);
alias('active', ['Hoạt động', 'Đang áp dụng', 'active']);

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
export type ParseResult =
  | { ok: true; rows: ImportedProcedure[]; columns: ProcedureField[] }
  | { ok: false; errors: ImportError[] };

const MAX_ERRORS = 200;

/** RFC 4180 records with the line each starts on. */
function csvRecords(text: string, sep: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else {
          if (c === '\n') line++;
          cell += c;
        }
      } else if (c === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
      } else if (c === sep) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      } else cell += c;
    }
    cells.push(cell);
    if (cells.some((x) => x.trim() !== '')) out.push({ line: start, cells });
  }
  return out;
}

const YES = new Set(['co', 'x', '1', 'true', 'yes', 'y', 'dung']);
const NO = new Set(['khong', '0', 'false', 'no', 'n', 'sai', '']);

/** Checks and converts one record's raw values (strings from CSV, anything from JSON). */
function convert(
  line: number,
  raw: Partial<Record<ProcedureField, unknown>>,
  errors: ImportError[],
): ImportedProcedure | undefined {
  const before = errors.length;
  const err = (field: ProcedureField, vi: string, en: string) =>
    errors.push({ line, field, message: { vi, en } });
  const text = (f: ProcedureField, max: number): string => {
    const v = raw[f];
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
    if (!s) err(f, `Thiếu ${LABEL[f].vi}.`, `${LABEL[f].en} is missing.`);
    else if (s.length > max)
      err(
        f,
        `${LABEL[f].vi} dài quá ${max} ký tự.`,
        `${LABEL[f].en} is longer than ${max} characters.`,
      );
    return s;
  };
  const days = (f: ProcedureField): number => {
    const v = raw[f];
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (!s) err(f, `Thiếu ${LABEL[f].vi}.`, `${LABEL[f].en} is missing.`);
    else if (!/^-?\d+([.,]\d+)?$/.test(s))
      err(
        f,
        `${LABEL[f].vi} "${s}" không phải số ngày. Hãy ghi số nguyên, ví dụ 5.`,
        `${LABEL[f].en} "${s}" is not a number of days. Write a whole number, e.g. 5.`,
      );
    else if (!/^-?\d+$/.test(s))
      err(
        f,
        `${LABEL[f].vi} "${s}" phải là số nguyên ngày.`,
        `${LABEL[f].en} "${s}" must be a whole number of days.`,
      );
    else if (Number(s) < 0 || Number(s) > 365)
      err(f, `${LABEL[f].vi} phải từ 0 đến 365.`, `${LABEL[f].en} must be between 0 and 365.`);
    else return Number(s);
    return 0;
  };
  const money = (f: ProcedureField, required: boolean): number | undefined => {
    const v = raw[f];
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (!s) {
      if (required)
        err(
          f,
          `Thiếu ${LABEL[f].vi} (ghi 0 nếu miễn phí).`,
          `${LABEL[f].en} is missing (write 0 if free).`,
        );
      return required ? 0 : undefined;
    }
    if (/^-/.test(s)) {
      err(f, `${LABEL[f].vi} không được âm (${s}).`, `${LABEL[f].en} must not be negative (${s}).`);
      return 0;
    }
    const n = parseVnd(s);
    if (n === null || n > 1_000_000_000) {
      err(
        f,
        `${LABEL[f].vi} "${s}" không phải số tiền hợp lệ. Ghi số đồng, ví dụ 150.000.`,
        `${LABEL[f].en} "${s}" is not a valid amount. Write whole VND, e.g. 150.000.`,
      );
      return 0;
    }
    return n;
  };
  const flag = (f: ProcedureField): boolean | undefined => {
    const v = raw[f];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    const s = key(String(v));
    if (YES.has(s)) return true;
    if (NO.has(s)) return s === '' ? undefined : false;
    err(
      f,
      `${LABEL[f].vi} "${String(v)}" không rõ: ghi "có" hoặc "không".`,
      `${LABEL[f].en} "${String(v)}" is unclear: write "yes" or "no".`,
    );
    return undefined;
  };
  const papers = (): string[] | undefined => {
    const v = raw.requiredPapers;
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? v.map(String) : String(v).split(/[;|\n]/);
    return list.map((p) => p.trim()).filter(Boolean);
  };
  const row: ImportedProcedure = {
    line,
    code: text('code', 60),
    name: text('name', 500),
    agency: text('agency', 300),
    field: text('field', 200),
    processingDays: days('processingDays'),
    feeVnd: money('feeVnd', true)!,
  };
  const postal = money('postalChargeVnd', false);
  if (postal !== undefined) row.postalChargeVnd = postal;
  const p = papers();
  if (p !== undefined) row.requiredPapers = p;
  const ipo = flag('inPersonOnly');
  if (ipo !== undefined) row.inPersonOnly = ipo;
  const act = flag('active');
  if (act !== undefined) row.active = act;
  return errors.length === before ? row : undefined;
}

const LABEL: Record<ProcedureField, LocalizedText> = {
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

function checkDuplicates(rows: ImportedProcedure[], errors: ImportError[]) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.code);
    if (first !== undefined) {
      errors.push({
        line: r.line,
        field: 'code',
        message: {
          vi: `Mã "${r.code}" đã có ở dòng ${first}.`,
          en: `Code "${r.code}" already appears on line ${first}.`,
        },
      });
    } else seen.set(r.code, r.line);
  }
}

function parseCsv(text: string): ParseResult {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [',', ';', '\t'].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0]!;
  const records = csvRecords(text, sep);
  const header = records.shift();
  if (!header)
    return {
      ok: false,
      errors: [{ line: 1, field: 'file', message: { vi: 'Tệp trống.', en: 'The file is empty.' } }],
    };
  const columns: (ProcedureField | undefined)[] = header.cells.map((h) => ALIASES[key(h)]);
  const errors: ImportError[] = [];
  header.cells.forEach((h, i) => {
    if (!columns[i] && h.trim()) {
      errors.push({
        line: header.line,
        field: h.trim(),
        message: {
          vi: `Không hiểu cột "${h.trim()}". Các cột nhận được: ${Object.values(LABEL)
            .map((l) => l.vi)
            .join(', ')}.`,
          en: `Unknown column "${h.trim()}". Accepted columns: ${PROCEDURE_FIELDS.join(', ')}.`,
        },
      });
    }
  });
  for (const f of REQUIRED) {
    if (!columns.includes(f))
      errors.push({
        line: header.line,
        field: f,
        message: { vi: `Thiếu cột ${LABEL[f].vi}.`, en: `The ${LABEL[f].en} column is missing.` },
      });
  }
  if (errors.length) return { ok: false, errors };
  const rows: ImportedProcedure[] = [];
  for (const rec of records) {
    if (errors.length >= MAX_ERRORS) break;
    const raw: Partial<Record<ProcedureField, unknown>> = {};
    columns.forEach((f, i) => {
      if (f) raw[f] = rec.cells[i] ?? '';
    });
    const row = convert(rec.line, raw, errors);
    if (row) rows.push(row);
  }
  checkDuplicates(rows, errors);
  if (!errors.length && !rows.length)
    errors.push({
      line: 2,
      field: 'file',
      message: {
        vi: 'Tệp không có dòng thủ tục nào dưới dòng tiêu đề.',
        en: 'The file has no procedure lines under the header.',
      },
    });
  return errors.length
    ? { ok: false, errors }
    : { ok: true, rows, columns: columns.filter((c): c is ProcedureField => Boolean(c)) };
}

function parseJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = parseJsonWithLines(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      return {
        ok: false,
        errors: [
          {
            line: e.line,
            field: 'json',
            message: {
              vi: `JSON sai cú pháp ở cột ${e.column}: ${e.message}`,
              en: `JSON syntax error at column ${e.column}: ${e.message}`,
            },
          },
        ],
      };
    throw e;
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : undefined;
  if (!list)
    return {
      ok: false,
      errors: [
        {
          line: 1,
          field: 'json',
          message: {
            vi: 'Tệp JSON phải là một mảng các thủ tục.',
            en: 'The JSON file must be an array of procedures.',
          },
        },
      ],
    };
  const errors: ImportError[] = [];
  const rows: ImportedProcedure[] = [];
  const present = new Set<ProcedureField>();
  for (const item of list) {
    if (errors.length >= MAX_ERRORS) break;
    const line = lineOf(item) ?? 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({
        line,
        field: 'item',
        message: {
          vi: 'Mỗi phần tử phải là một đối tượng thủ tục.',
          en: 'Each element must be a procedure object.',
        },
      });
      continue;
    }
    const raw: Partial<Record<ProcedureField, unknown>> = {};
    for (const [k, v] of Object.entries(item)) {
      const f = ALIASES[key(k)];
      if (f) {
        raw[f] = v;
        present.add(f);
      }
    }
    const row = convert(line, raw, errors);
    if (row) rows.push(row);
  }
  checkDuplicates(rows, errors);
  if (!errors.length && !rows.length)
    errors.push({
      line: 1,
      field: 'json',
      message: { vi: 'Tệp không có thủ tục nào.', en: 'The file has no procedures.' },
    });
  return errors.length ? { ok: false, errors } : { ok: true, rows, columns: [...present] };
}

/** JSON when the text starts with `[` or `{`, CSV otherwise. */
export function parseProcedureFile(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*[[{]/.test(body) ? parseJson(body) : parseCsv(body);
}
