import { AppError } from '../../lib/errors';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from '../../lib/import/json-with-lines';

export type ParsedProvince = {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  kind: string;
};
export type ParsedWard = ParsedProvince & { provinceCode: string };
export type ImportProblem = { line: number | null; field: string; message: string };

/** Largest file the importer reads (the full national list is about 1.5 MB). */
export const ADMIN_UNITS_MAX_BYTES = 20 * 1024 * 1024;

function problem(line: number | null | undefined, field: string, message: string): ImportProblem {
  return { line: line ?? null, field, message };
}

type Parsed = { provinces: ParsedProvince[]; wards: ParsedWard[]; problems: ImportProblem[] };

/** One pass over a file: what was read so far, the problems, the codes already seen. */
class FileReader {
  readonly out: Parsed = { provinces: [], wards: [], problems: [] };
  private readonly seenP = new Map<string, string>();
  private readonly seenW = new Map<string, string>();

  /** A required (or optional) text field, trimmed; null (and a problem) when wrong. */
  text(
    o: Record<string, unknown>,
    key: string,
    path: string,
    opts: { pattern?: RegExp; optional?: boolean } = {},
  ): string | null {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      if (!opts.optional) this.problem(lineOf(o), `${path}.${key}`, 'is missing');
      return null;
    }
    if (typeof v !== 'string') {
      this.problem(lineOf(o), `${path}.${key}`, `must be text, found ${typeof v}`);
      return null;
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      this.problem(lineOf(o), `${path}.${key}`, `"${v}" does not match ${opts.pattern.source}`);
      return null;
    }
    return v.trim();
  }

  problem(line: number | null | undefined, field: string, message: string): void {
    this.out.problems.push(problem(line, field, message));
  }

  /** Notes a code; a problem when it was seen before. */
  unique(kind: 'province' | 'ward', code: string, o: object, path: string): void {
    const seen = kind === 'province' ? this.seenP : this.seenW;
    const first = seen.get(code);
    if (first !== undefined)
      this.problem(
        lineOf(o),
        `${path}.Code`,
        `${kind} code ${code} appears twice (also at ${first})`,
      );
    seen.set(code, path);
  }

  province(p: unknown, path: string): void {
    if (!p || typeof p !== 'object' || Array.isArray(p)) {
      this.problem(null, path, 'expected a province object');
      return;
    }
    const o = p as Record<string, unknown>;
    const code = this.text(o, 'Code', path, { pattern: /^\d{2}$/ });
    const name = this.text(o, 'Name', path);
    const fullName = this.text(o, 'FullName', path);
    const kind = this.text(o, 'AdministrativeUnitShortName', path);
    const nameEn = this.text(o, 'NameEn', path, { optional: true });
    if (code) this.unique('province', code, o, path);
    if (code && name && fullName && kind)
      this.out.provinces.push({ code, name, fullName, nameEn, kind });
    if (!Array.isArray(o.Wards)) {
      this.problem(lineOf(o), `${path}.Wards`, 'expected a list (array) of wards');
      return;
    }
    o.Wards.forEach((w, wi) => this.ward(w, `${path}.Wards[${wi}]`, o, code));
  }

  ward(w: unknown, wpath: string, province: object, code: string | null): void {
    if (!w || typeof w !== 'object' || Array.isArray(w)) {
      this.problem(lineOf(province), wpath, 'expected a ward object');
      return;
    }
    const wo = w as Record<string, unknown>;
    const wcode = this.text(wo, 'Code', wpath, { pattern: /^\d{5}$/ });
    const wname = this.text(wo, 'Name', wpath);
    const wfull = this.text(wo, 'FullName', wpath);
    const wkind = this.text(wo, 'AdministrativeUnitShortName', wpath);
    const wen = this.text(wo, 'NameEn', wpath, { optional: true });
    const pcode = this.text(wo, 'ProvinceCode', wpath, { optional: true }) ?? code;
    if (code && pcode && pcode !== code)
      this.problem(
        lineOf(wo),
        `${wpath}.ProvinceCode`,
        `is ${pcode} but the ward is listed under province ${code}`,
      );
    if (wcode) this.unique('ward', wcode, wo, wpath);
    if (wcode && wname && wfull && wkind && code)
      this.out.wards.push({
        code: wcode,
        name: wname,
        fullName: wfull,
        nameEn: wen,
        kind: wkind,
        provinceCode: code,
      });
  }
}

/**
 * Reads and checks a file shaped like the public list of administrative units: an array
 * of provinces `{ Code, Name, FullName, NameEn?, AdministrativeUnitShortName, Wards: [...] }`,
 * each ward `{ Code, Name, FullName, NameEn?, ProvinceCode, AdministrativeUnitShortName }`.
 * Every problem is listed with its line and field; nothing is written unless there are none.
 */
export function parseAdminUnitsFile(text: string): Parsed {
  let root: unknown;
  try {
    root = parseJsonWithLines(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError)
      return {
        provinces: [],
        wards: [],
        problems: [problem(err.line, `(column ${err.column})`, `not valid JSON: ${err.message}`)],
      };
    throw err;
  }
  if (!Array.isArray(root))
    return {
      provinces: [],
      wards: [],
      problems: [problem(1, '(root)', 'expected a list (array) of provinces')],
    };
  const reader = new FileReader();
  root.forEach((p, pi) => reader.province(p, `[${pi}]`));
  const { out } = reader;
  if (out.problems.length === 0 && out.provinces.length === 0)
    out.problems.push(problem(1, '(root)', 'the list is empty'));
  return out;
}

/** 422 naming the first problems by line and field. */
export function invalidFileError(problems: ImportProblem[]): AppError {
  const first = problems[0]!;
  const where = first.line ? `line ${first.line}, ` : '';
  const whereVi = first.line ? `dòng ${first.line}, ` : '';
  return new AppError(
    422,
    'admin_units_file_invalid',
    {
      vi: `Tệp đơn vị hành chính không hợp lệ (${problems.length} lỗi), chưa ghi gì vào hệ thống. Lỗi đầu tiên: ${whereVi}trường ${first.field}: ${first.message}. Hãy sửa tệp rồi nhập lại.`,
      en: `The administrative units file is not valid (${problems.length} problem(s)); nothing was written. First: ${where}field ${first.field}: ${first.message}. Fix the file and import it again.`,
    },
    { extra: { problems: problems.slice(0, 50) } },
  );
}

/** The effective date written in a file name like `vn-units-2026-07-25.json`, if any. */
export function effectiveDateFromName(name: string | undefined): string | undefined {
  return name ? /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1] : undefined;
}
