import { IntakeResultSchema, type IntakeProblem, type IntakeResult } from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import type { LocalizedText } from '../../lib/errors';
import * as repo from './intake.repository';
import type { WardPlace } from './intake.repository';

/**
 * The rules one dossier must pass before it becomes (or changes) a job, whatever door it came
 * in by: its fields (the shared schema), then the ward, the office serving it and the procedure,
 * looked up for the whole batch in a few queries.
 */

/** What each field is called, for the messages. */
export const FIELD_NAMES: Record<string, LocalizedText> = {
  dossierCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  procedureName: { vi: 'Tên thủ tục', en: 'Procedure name' },
  recipientName: { vi: 'Người nhận', en: 'Recipient' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  addressText: { vi: 'Địa chỉ', en: 'Address' },
  wardCode: { vi: 'Phường/Xã', en: 'Ward' },
  wardName: { vi: 'Phường/Xã', en: 'Ward' },
  resultReadyDate: { vi: 'Ngày hẹn trả', en: 'Result date' },
  feeDueVnd: { vi: 'Phí/lệ phí còn thu', en: 'Fee to collect' },
  postalChargeVnd: { vi: 'Cước', en: 'Postal charge' },
  postalChargePayer: { vi: 'Người trả cước', en: 'Charge paid by' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
};

/** The problem a field's bad value raises (code and message), by field. */
const FIELD_PROBLEMS: Record<string, { code: string; message: LocalizedText }> = {
  dossierCode: {
    code: 'invalid_dossier_code',
    message: {
      vi: 'Mã hồ sơ thiếu hoặc sai dạng (<mã cơ quan>-YYMMDD-NNNN, ví dụ H48.19.10-260315-0042).',
      en: 'Dossier code missing or malformed (<agency>-YYMMDD-NNNN, e.g. H48.19.10-260315-0042).',
    },
  },
  recipientName: {
    code: 'invalid_recipient_name',
    message: { vi: 'Thiếu tên người nhận.', en: 'The recipient’s name is missing.' },
  },
  phone: {
    code: 'invalid_phone',
    message: {
      vi: 'Số điện thoại không hợp lệ (di động 10 số hoặc số cố định có mã vùng).',
      en: 'Invalid phone number (a 10-digit mobile or a landline with its area code).',
    },
  },
  addressText: {
    code: 'invalid_address',
    message: {
      vi: 'Địa chỉ thiếu hoặc quá ngắn: cần số nhà và tên đường.',
      en: 'Address missing or too short: a house number and street are needed.',
    },
  },
  wardCode: {
    code: 'missing_ward',
    message: { vi: 'Thiếu phường/xã nhận kết quả.', en: 'The delivery ward is missing.' },
  },
  resultReadyDate: {
    code: 'invalid_date',
    message: {
      vi: 'Ngày không có thật (dạng dd/MM/yyyy hoặc yyyy-MM-dd).',
      en: 'Not a real date (dd/MM/yyyy or yyyy-MM-dd).',
    },
  },
  feeDueVnd: {
    code: 'invalid_amount',
    message: {
      vi: 'Số tiền phải là số nguyên đồng, không âm, tối đa 1.000.000.000.000 ₫.',
      en: 'The amount must be whole đồng, not negative, at most 1,000,000,000,000 ₫.',
    },
  },
  postalChargePayer: {
    code: 'invalid_payer',
    message: {
      vi: 'Người trả cước phải là “công dân” hoặc “cơ quan”.',
      en: 'The charge is paid by either “citizen” or “agency”.',
    },
  },
};
FIELD_PROBLEMS.postalChargeVnd = FIELD_PROBLEMS.feeDueVnd!;
FIELD_PROBLEMS.wardName = FIELD_PROBLEMS.wardCode!;

/** A problem on a field. */
export function problem(field: string, code: string, message: LocalizedText): IntakeProblem {
  return { field, code, message };
}

/** A row without its null and empty fields (an API client's `null`, a file's empty cell: not given). */
function withoutBlanks(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([, v]) => v !== null && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}

/** Checks one row's fields; the parsed dossier, or the problems (one per field). */
export function checkFields(
  raw: unknown,
): { ok: true; value: IntakeResult } | { ok: false; problems: IntakeProblem[] } {
  const given = withoutBlanks(raw);
  const r = IntakeResultSchema.safeParse(given);
  if (r.success) return { ok: true, value: r.data };
  const seen = new Set<string>();
  // The schema checks "a ward by code or name" only once every field is valid: say it anyway.
  const ward = given as { wardCode?: unknown; wardName?: unknown } | null;
  const issues = [...r.error.issues];
  if (
    ward &&
    typeof ward === 'object' &&
    ward.wardCode === undefined &&
    ward.wardName === undefined
  )
    issues.push({ code: 'custom', path: ['wardCode'], message: '', input: undefined });
  const problems: IntakeProblem[] = [];
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'row';
    if (seen.has(field)) continue;
    seen.add(field);
    const known = FIELD_PROBLEMS[field];
    const name = FIELD_NAMES[field] ?? { vi: field, en: field };
    problems.push(
      known
        ? problem(field, known.code, known.message)
        : problem(field, 'invalid_value', {
            vi: `${name.vi}: giá trị không hợp lệ.`,
            en: `${name.en}: invalid value.`,
          }),
    );
  }
  return { ok: false, problems };
}

/** A row's dossier code as best read, even when the row is refused (for the answer). */
export function rawDossierCode(raw: unknown): string {
  const v = (raw as { dossierCode?: unknown } | null)?.dossierCode;
  return typeof v === 'string' ? v.trim().toUpperCase() : '';
}

/** Ward prefixes people write before the name: "P.", "Phường", "X.", "Xã", "TT", "Đặc khu". */
const WARD_PREFIX = /^(?:(?:phuong|xa|thi tran|dac khu)\s+|(?:p|x|tt)\.\s*|(?:p|x|tt)\s+)/;

/** The wards of the province, found by code or by name (folded, with or without its kind). */
export type WardIndex = {
  byCode: Map<string, WardPlace>;
  byName: Map<string, WardPlace[]>;
  fold: Map<string, string>;
};

const squash = (s: string) =>
  s
    .replace(/[.,;]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Loads the province's wards and folds the names the batch wrote (wards and procedures: `names`)
 * with the database's vn_fold, in two queries.
 */
export async function loadWardIndex(
  db: DbOrTx,
  provinceCode: string,
  names: string[],
): Promise<WardIndex> {
  const wards = await repo.findProvinceWards(db, provinceCode);
  const byCode = new Map(wards.map((w) => [w.code, w]));
  const byName = new Map<string, WardPlace[]>();
  const add = (key: string, w: WardPlace) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(w)) list.push(w);
    byName.set(key, list);
  };
  for (const w of wards) {
    add(squash(w.foldName), w);
    add(squash(w.foldFullName), w);
  }
  const fold = await repo.foldTexts(db, [...new Set(names)]);
  return { byCode, byName, fold };
}

/** The ward a row names, or the problem. */
export function resolveWard(
  index: WardIndex,
  row: Pick<IntakeResult, 'wardCode' | 'wardName'>,
): { ward: WardPlace } | { problem: IntakeProblem } {
  if (row.wardCode) {
    const code = /^\d{1,5}$/.test(row.wardCode) ? row.wardCode.padStart(5, '0') : row.wardCode;
    const ward = index.byCode.get(code);
    if (ward) return { ward };
    if (!row.wardName) return { problem: unknownWard('wardCode', row.wardCode) };
  }
  const name = row.wardName ?? '';
  const folded = squash(index.fold.get(name) ?? name.toLowerCase());
  const found =
    index.byName.get(folded) ?? index.byName.get(squash(folded.replace(WARD_PREFIX, '')));
  if (found && found.length === 1) return { ward: found[0]! };
  if (found && found.length > 1) {
    return {
      problem: problem('wardName', 'ward_ambiguous', {
        vi: `Có nhiều phường/xã tên “${name}”; hãy ghi rõ “Phường” hay “Xã”, hoặc mã phường/xã.`,
        en: `Several wards are called “${name}”; say “Phường” or “Xã”, or give the ward code.`,
      }),
    };
  }
  return { problem: unknownWard('wardName', name) };
}

function unknownWard(field: string, value: string): IntakeProblem {
  return problem(field, 'unknown_ward', {
    vi: `Không tìm thấy phường/xã “${value}” trong tỉnh.`,
    en: `No ward “${value}” in the province.`,
  });
}

/** A procedure of the catalogue as the rules need it. */
export type ProcedurePlace = Awaited<ReturnType<typeof repo.findProcedures>>[number];

/** The catalogue by code and by folded name. */
export type ProcedureIndex = {
  byCode: Map<string, ProcedurePlace>;
  byName: Map<string, ProcedurePlace>;
};

/** Loads the catalogue (a few hundred rows) once per batch. */
export async function loadProcedureIndex(db: DbOrTx): Promise<ProcedureIndex> {
  const list = await repo.findProcedures(db);
  return {
    byCode: new Map(list.map((p) => [p.code.trim().toUpperCase(), p])),
    byName: new Map(list.map((p) => [squash(p.foldName), p])),
  };
}

/** The procedure a row names (none when it names none), or the problem. */
export function resolveProcedure(
  index: ProcedureIndex,
  fold: Map<string, string>,
  row: Pick<IntakeResult, 'procedureCode' | 'procedureName'>,
): { procedure: ProcedurePlace | null } | { problem: IntakeProblem } {
  if (!row.procedureCode && !row.procedureName) return { procedure: null };
  const field = row.procedureCode ? 'procedureCode' : 'procedureName';
  const given = row.procedureCode ?? row.procedureName ?? '';
  const proc =
    (row.procedureCode ? index.byCode.get(row.procedureCode.toUpperCase()) : undefined) ??
    (row.procedureName
      ? index.byName.get(squash(fold.get(row.procedureName) ?? row.procedureName.toLowerCase()))
      : undefined);
  if (!proc || !proc.active) {
    return {
      problem: problem(field, 'procedure_not_found', {
        vi: `Thủ tục “${given}” không có trong danh mục hoặc đã ngừng áp dụng.`,
        en: `The procedure “${given}” is not in the catalogue or no longer offered.`,
      }),
    };
  }
  if (proc.inPersonOnly) {
    return {
      problem: problem(field, 'procedure_in_person_only', {
        vi: `Thủ tục “${proc.name}” yêu cầu công dân nhận kết quả trực tiếp, không trả qua bưu chính.`,
        en: `The procedure “${proc.name}” must be collected in person and cannot go by post.`,
      }),
    };
  }
  return { procedure: proc };
}
