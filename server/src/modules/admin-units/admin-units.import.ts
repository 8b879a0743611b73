import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { queryRows } from '../../db/client';
import { AppError } from '../../lib/errors';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from './json-with-lines';

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

/**
 * Reads and checks a file shaped like the public list of administrative units: an array
 * of provinces `{ Code, Name, FullName, NameEn?, AdministrativeUnitShortName, Wards: [...] }`,
 * each ward `{ Code, Name, FullName, NameEn?, ProvinceCode, AdministrativeUnitShortName }`.
 * Every problem is listed with its line and field; nothing is written unless there are none.
 */
export function parseAdminUnitsFile(text: string): {
  provinces: ParsedProvince[];
  wards: ParsedWard[];
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
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
  const provinces: ParsedProvince[] = [];
  const wards: ParsedWard[] = [];
  const seenP = new Map<string, string>();
  const seenW = new Map<string, string>();
  const text2 = (
    o: Record<string, unknown>,
    key: string,
    path: string,
    opts: { pattern?: RegExp; optional?: boolean } = {},
  ): string | null => {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      if (!opts.optional) problems.push(problem(lineOf(o), `${path}.${key}`, 'is missing'));
      return null;
    }
    if (typeof v !== 'string') {
      problems.push(problem(lineOf(o), `${path}.${key}`, `must be text, found ${typeof v}`));
      return null;
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      problems.push(
        problem(lineOf(o), `${path}.${key}`, `"${v}" does not match ${opts.pattern.source}`),
      );
      return null;
    }
    return v.trim();
  };
  root.forEach((p, pi) => {
    const path = `[${pi}]`;
    if (!p || typeof p !== 'object' || Array.isArray(p)) {
      problems.push(problem(null, path, 'expected a province object'));
      return;
    }
    const o = p as Record<string, unknown>;
    const code = text2(o, 'Code', path, { pattern: /^\d{2}$/ });
    const name = text2(o, 'Name', path);
    const fullName = text2(o, 'FullName', path);
    const kind = text2(o, 'AdministrativeUnitShortName', path);
    const nameEn = text2(o, 'NameEn', path, { optional: true });
    if (code) {
      if (seenP.has(code))
        problems.push(
          problem(
            lineOf(o),
            `${path}.Code`,
            `province code ${code} appears twice (also at ${seenP.get(code)})`,
          ),
        );
      seenP.set(code, path);
    }
    if (code && name && fullName && kind) provinces.push({ code, name, fullName, nameEn, kind });
    if (!Array.isArray(o.Wards)) {
      problems.push(problem(lineOf(o), `${path}.Wards`, 'expected a list (array) of wards'));
      return;
    }
    o.Wards.forEach((w, wi) => {
      const wpath = `${path}.Wards[${wi}]`;
      if (!w || typeof w !== 'object' || Array.isArray(w)) {
        problems.push(problem(lineOf(o), wpath, 'expected a ward object'));
        return;
      }
      const wo = w as Record<string, unknown>;
      const wcode = text2(wo, 'Code', wpath, { pattern: /^\d{5}$/ });
      const wname = text2(wo, 'Name', wpath);
      const wfull = text2(wo, 'FullName', wpath);
      const wkind = text2(wo, 'AdministrativeUnitShortName', wpath);
      const wen = text2(wo, 'NameEn', wpath, { optional: true });
      const pcode = text2(wo, 'ProvinceCode', wpath, { optional: true }) ?? code;
      if (code && pcode && pcode !== code)
        problems.push(
          problem(
            lineOf(wo),
            `${wpath}.ProvinceCode`,
            `is ${pcode} but the ward is listed under province ${code}`,
          ),
        );
      if (wcode) {
        if (seenW.has(wcode))
          problems.push(
            problem(
              lineOf(wo),
              `${wpath}.Code`,
              `ward code ${wcode} appears twice (also at ${seenW.get(wcode)})`,
            ),
          );
        seenW.set(wcode, wpath);
      }
      if (wcode && wname && wfull && wkind && code)
        wards.push({
          code: wcode,
          name: wname,
          fullName: wfull,
          nameEn: wen,
          kind: wkind,
          provinceCode: code,
        });
    });
  });
  if (problems.length === 0 && provinces.length === 0)
    problems.push(problem(1, '(root)', 'the list is empty'));
  return { provinces, wards, problems };
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

export type ImportCounts = {
  provinces: { inserted: number; updated: number };
  wards: { inserted: number; updated: number };
};

async function upsert(
  tx: DbOrTx,
  table: 'admin_provinces' | 'admin_wards',
  rows: (ParsedProvince | ParsedWard)[],
  effectiveDate: string,
) {
  let inserted = 0;
  let updated = 0;
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = sql.join(
      batch.map((r) =>
        table === 'admin_wards'
          ? sql`(${r.code}, ${(r as ParsedWard).provinceCode}, ${r.name}, ${r.fullName}, ${r.nameEn}, ${r.kind}, ${effectiveDate}::date, now())`
          : sql`(${r.code}, ${r.name}, ${r.fullName}, ${r.nameEn}, ${r.kind}, ${effectiveDate}::date, now())`,
      ),
      sql`, `,
    );
    const q =
      table === 'admin_wards'
        ? sql`insert into admin_wards (code, province_code, name, full_name, name_en, kind, effective_date, updated_at) values ${values}
              on conflict (code) do update set province_code = excluded.province_code, name = excluded.name, full_name = excluded.full_name,
                name_en = excluded.name_en, kind = excluded.kind, effective_date = excluded.effective_date, updated_at = now()
              returning (xmax = 0) as inserted`
        : sql`insert into admin_provinces (code, name, full_name, name_en, kind, effective_date, updated_at) values ${values}
              on conflict (code) do update set name = excluded.name, full_name = excluded.full_name,
                name_en = excluded.name_en, kind = excluded.kind, effective_date = excluded.effective_date, updated_at = now()
              returning (xmax = 0) as inserted`;
    const res = await queryRows<{ inserted: boolean }>(tx, q);
    for (const r of res) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/**
 * Imports a whole file in one transaction (upsert by code, so running it again changes
 * nothing but the timestamps); a file with any problem is refused before anything is
 * written. `onWritten` runs inside the transaction (the audit record).
 */
export async function importAdminUnits(
  db: Db,
  text: string,
  opts: { effectiveDate: string; onWritten?: (tx: DbOrTx, counts: ImportCounts) => Promise<void> },
): Promise<ImportCounts & { effectiveDate: string }> {
  const parsed = parseAdminUnitsFile(text);
  if (parsed.problems.length > 0) throw invalidFileError(parsed.problems);
  return db.transaction(async (tx) => {
    const provinces = await upsert(tx, 'admin_provinces', parsed.provinces, opts.effectiveDate);
    const wards = await upsert(tx, 'admin_wards', parsed.wards, opts.effectiveDate);
    const counts = { provinces, wards };
    await opts.onWritten?.(tx, counts);
    return { ...counts, effectiveDate: opts.effectiveDate };
  });
}

/** The effective date written in a file name like `vn-units-2026-07-25.json`, if any. */
export function effectiveDateFromName(name: string | undefined): string | undefined {
  return name ? /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1] : undefined;
}
