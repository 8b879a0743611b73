import type { IntakeCounts, IntakeItemResult, IntakeProblem, IntakeResult } from '@tannha/shared';
import type { DbOrTx, Tx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { getSetting } from '../settings/settings.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { findLiveResultsByDossiers, type JobHooks, type JobRow } from '../jobs/jobs.service';
import * as repo from './intake.repository';
import type { WardPlace } from './intake.repository';
import {
  checkFields,
  loadProcedureIndex,
  loadWardIndex,
  problem,
  rawDossierCode,
  resolveProcedure,
  resolveWard,
  type ProcedurePlace,
} from './intake-rules';

/** Who sends a batch of results, and how. */
export type IntakeScope = {
  /** The importer's unit (the user's, or the key's): rows for wards served outside it are refused. */
  unitId: string;
  /** The importing user (null for an API key). */
  userId: string | null;
  /** The API key that sent the batch (null for a file). */
  apiKeyId: string | null;
  source: 'file' | 'api';
  fileName?: string | undefined;
  fileSha256?: string | undefined;
  /** The preview: check and classify every row, write nothing. */
  dryRun?: boolean | undefined;
};

/** Options of an intake. */
export type ApplyOptions = {
  /** The app's job hooks (`created` runs for each new job inside the transaction). */
  hooks: JobHooks;
  /** The caller the job hooks see; default: a stand-in of the importer's unit. */
  auth?: AuthContext | undefined;
  /** The file line of a row (header = 1), to name it in messages; default: the item number. */
  lineOf?: ((index: number) => number) | undefined;
  /** Progress of the commit: rows written so far out of those to create. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** The client address, for the audit entry. */
  ip?: string | undefined;
  /** Run inside this transaction (from `runTransaction`, e.g. an idempotent request's). */
  tx?: Tx | undefined;
};

/** What a batch did (or, in a preview, would do). */
export type ApplyResult = {
  importId: string | null;
  counts: IntakeCounts;
  items: IntakeItemResult[];
};

/** The fields of a result job an intake sets (and compares on a later intake). */
export type JobFields = {
  unitId: string;
  citizenKey: string;
  addressText: string;
  wardCode: string;
  procedureId: string | null;
  resultReadyDate: string | null;
  feeDueVnd: number;
  postalChargeVnd: number;
  postalChargePayer: string;
  notes: string | null;
};

/** A row that passed the rules, and what to do with it. */
export type PlannedRow =
  | { kind: 'create'; index: number; row: IntakeResult; fields: JobFields; recipientName: string }
  | {
      kind: 'update';
      index: number;
      row: IntakeResult;
      fields: JobFields;
      job: JobRow;
      changes: string[];
      recipientName: string;
    };

/** The plan of a batch: every row's answer, the writes it needs and the citizens it found. */
export type BatchPlan = {
  items: IntakeItemResult[];
  planned: PlannedRow[];
  /** `unitId|phone` → citizen id, for citizens that already exist. */
  citizens: Map<string, string>;
  /** `citizenId|folded address` → a saved position. */
  placed: Map<string, { lat: number; lng: number }>;
  subtree: string[];
  wards: Map<string, WardPlace>;
};

/** Statuses in which a result job is not picked up yet: a newer export may still change it. */
const NOT_PICKED_UP = new Set(['new', 'assigned', 'accepted']);

const citizenKeyOf = (unitId: string, phone: string) => `${unitId}|${phone}`;
/** A saved address matches when it reads the same, case and spacing aside. */
export const addressKey = (citizenId: string, text: string) =>
  `${citizenId}|${text.toLowerCase().replace(/\s+/g, ' ').trim()}`;

/** The answer counts of a batch. */
export function countOutcomes(items: IntakeItemResult[]): IntakeCounts {
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const it of items) counts[it.outcome] += 1;
  return counts;
}

/** Refuses duplicates of a dossier code inside the batch (the later ones, naming the first). */
function refuseDuplicates(
  checked: ReturnType<typeof checkFields>[],
  problems: IntakeProblem[][],
  lineOf: (index: number) => number,
  source: 'file' | 'api',
) {
  const first = new Map<string, number>();
  checked.forEach((c, i) => {
    if (!c.ok) return;
    const seen = first.get(c.value.dossierCode);
    if (seen === undefined) {
      first.set(c.value.dossierCode, i);
      return;
    }
    const where =
      source === 'file'
        ? { vi: `dòng ${lineOf(seen)}`, en: `line ${lineOf(seen)}` }
        : { vi: `mục ${seen}`, en: `item ${seen}` };
    problems[i]!.push(
      problem('dossierCode', 'duplicate_in_file', {
        vi: `Mã hồ sơ ${c.value.dossierCode} trùng với ${where.vi}.`,
        en: `Dossier code ${c.value.dossierCode} repeats ${where.en}.`,
      }),
    );
  });
}

/** Checks every row against the rules, with the whole batch's look-ups done at once. */
async function resolveRows(
  db: DbOrTx,
  scope: IntakeScope,
  checked: ReturnType<typeof checkFields>[],
  problems: IntakeProblem[][],
) {
  const names: string[] = [];
  for (const c of checked) {
    if (!c.ok) continue;
    if (c.value.wardName) names.push(c.value.wardName);
    if (c.value.procedureName) names.push(c.value.procedureName);
  }
  const province = await getSetting(db, 'province_code');
  const wardIndex = await loadWardIndex(db, province, names);
  const procIndex = await loadProcedureIndex(db);
  const subtree = await findUnitSubtreeIds(db, scope.unitId);
  const resolved = new Map<number, { ward: WardPlace; proc: ProcedurePlace | null }>();
  checked.forEach((c, i) => {
    if (!c.ok) return;
    const own = problems[i]!;
    const w = resolveWard(wardIndex, c.value);
    const p = resolveProcedure(procIndex, wardIndex.fold, c.value);
    if ('problem' in w) own.push(w.problem);
    else if (!w.ward.unitId) own.push(notServed(w.ward));
    else if (!subtree.includes(w.ward.unitId)) own.push(outsideUnit(w.ward));
    if ('problem' in p) own.push(p.problem);
    if ('ward' in w && 'procedure' in p) resolved.set(i, { ward: w.ward, proc: p.procedure });
  });
  return { resolved, subtree, wards: wardIndex.byCode };
}

function notServed(ward: WardPlace): IntakeProblem {
  return problem('wardName', 'ward_not_served', {
    vi: `Chưa có bưu cục nào phục vụ ${ward.fullName}; hãy nhờ quản trị viên gán phường/xã này cho một bưu cục.`,
    en: `No post office serves ${ward.fullName} yet; ask an admin to assign the ward to a post office.`,
  });
}

function outsideUnit(ward: WardPlace): IntakeProblem {
  return problem('wardName', 'ward_outside_your_unit', {
    vi: `${ward.fullName} do ${ward.unitName ?? 'bưu cục khác'} phục vụ, ngoài phạm vi đơn vị của bạn.`,
    en: `${ward.fullName} is served by ${ward.unitName ?? 'another post office'}, outside your unit.`,
  });
}

/** The citizens (by phone, in the serving offices) and their placed saved addresses. */
async function loadCitizens(db: DbOrTx, rows: { phone: string; unitId: string }[]) {
  const phones = [...new Set(rows.map((r) => r.phone))];
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const citizens = new Map<string, string>();
  for (let s = 0; s < phones.length; s += 1000) {
    const found = await repo.findCitizensByPhones(db, phones.slice(s, s + 1000), unitIds);
    for (const c of found) {
      const key = citizenKeyOf(c.unitId, c.phone);
      if (!citizens.has(key)) citizens.set(key, c.id);
    }
  }
  const ids = [...new Set(citizens.values())];
  const placed = new Map<string, { lat: number; lng: number }>();
  for (let s = 0; s < ids.length; s += 1000) {
    for (const a of await repo.findPlacedAddresses(db, ids.slice(s, s + 1000))) {
      placed.set(addressKey(a.citizenId, a.addressText), { lat: a.lat!, lng: a.lng! });
    }
  }
  return { citizens, placed };
}

/** The job fields a row asks for. */
function fieldsOf(row: IntakeResult, ward: WardPlace, proc: ProcedurePlace | null): JobFields {
  return {
    unitId: ward.unitId!,
    citizenKey: citizenKeyOf(ward.unitId!, row.phone),
    addressText: row.addressText,
    wardCode: ward.code,
    procedureId: proc?.id ?? null,
    resultReadyDate: row.resultReadyDate ?? null,
    feeDueVnd: row.feeDueVnd ?? 0,
    postalChargeVnd: row.postalChargeVnd ?? proc?.postalChargeVnd ?? 0,
    postalChargePayer: row.postalChargePayer ?? 'citizen',
    notes: row.notes ?? null,
  };
}

/** The fields of a row that differ from its live job (names as the intake schema spells them). */
function changedFields(job: JobRow, phone: string, f: JobFields, jobPhone: string): string[] {
  const out: string[] = [];
  if (jobPhone !== phone) out.push('phone');
  if (job.addressText !== f.addressText) out.push('addressText');
  if (job.wardCode !== f.wardCode) out.push('wardCode');
  if (job.procedureId !== f.procedureId) out.push('procedure');
  if (job.resultReadyDate !== f.resultReadyDate) out.push('resultReadyDate');
  if (job.feeDueVnd !== f.feeDueVnd) out.push('feeDueVnd');
  if (job.postalChargeVnd !== f.postalChargeVnd) out.push('postalChargeVnd');
  if (job.postalChargePayer !== f.postalChargePayer) out.push('postalChargePayer');
  if ((job.notes ?? null) !== f.notes) out.push('notes');
  return out;
}

/**
 * Checks and classifies a whole batch without writing: each row is refused (with every problem
 * found), new (created), or the dossier's live job and what would change (updated/unchanged).
 */
export async function planBatch(
  db: DbOrTx,
  scope: IntakeScope,
  rows: unknown[],
  lineOf: (index: number) => number,
): Promise<BatchPlan> {
  const checked = rows.map(checkFields);
  const problems: IntakeProblem[][] = checked.map((c) => (c.ok ? [] : c.problems));
  refuseDuplicates(checked, problems, lineOf, scope.source);
  const { resolved, subtree, wards } = await resolveRows(db, scope, checked, problems);
  const good = [...resolved.keys()].filter((i) => problems[i]!.length === 0);
  const value = (i: number) => (checked[i] as { ok: true; value: IntakeResult }).value;
  const existing = new Map(
    (
      await findLiveResultsByDossiers(
        db,
        good.map((i) => value(i).dossierCode),
      )
    ).map((e) => [e.job.dossierCode!, e]),
  );
  const { citizens, placed } = await loadCitizens(
    db,
    good.map((i) => ({ phone: value(i).phone, unitId: resolved.get(i)!.ward.unitId! })),
  );
  const items: IntakeItemResult[] = rows.map((raw, i) => ({
    index: i,
    dossierCode: checked[i]!.ok ? value(i).dossierCode : rawDossierCode(raw),
    outcome: 'refused',
    problems: problems[i]!,
  }));
  const planned: PlannedRow[] = [];
  for (const i of good) {
    const row = value(i);
    const { ward, proc } = resolved.get(i)!;
    const item = items[i]!;
    Object.assign(item, { unitId: ward.unitId!, unitName: ward.unitName! });
    const fields = fieldsOf(row, ward, proc);
    const live = existing.get(row.dossierCode);
    if (!live) {
      item.outcome = 'created';
      planned.push({ kind: 'create', index: i, row, fields, recipientName: row.recipientName });
      continue;
    }
    Object.assign(item, { jobId: live.job.id, jobCode: live.job.code });
    classifyExisting(item, live, row, fields, subtree, planned);
  }
  return { items, planned, citizens, placed, subtree, wards };
}

/** Unchanged, updated (not picked up yet) or refused: a dossier that already has a live job. */
function classifyExisting(
  item: IntakeItemResult,
  live: { job: JobRow; citizenPhone: string },
  row: IntakeResult,
  fields: JobFields,
  subtree: string[],
  planned: PlannedRow[],
) {
  if (!subtree.includes(live.job.unitId)) {
    item.outcome = 'refused';
    delete item.jobId;
    item.problems.push(
      problem('dossierCode', 'dossier_of_another_unit', {
        vi: `Hồ sơ ${row.dossierCode} đã có việc trả kết quả ở một bưu cục ngoài phạm vi của bạn.`,
        en: `Dossier ${row.dossierCode} already has a result delivery at a post office outside your unit.`,
      }),
    );
    return;
  }
  const changes = changedFields(live.job, row.phone, fields, live.citizenPhone);
  if (changes.length === 0) {
    item.outcome = 'unchanged';
    return;
  }
  item.changes = changes;
  const movesOffice = live.job.unitId !== fields.unitId;
  if (!NOT_PICKED_UP.has(live.job.status) || (movesOffice && live.job.status !== 'new')) {
    item.outcome = 'refused';
    item.problems.push(
      problem('dossierCode', 'already_in_progress', {
        vi: `Việc ${live.job.code} của hồ sơ này đã được xử lý (đã nhận hoặc đã giao cho bưu tá); không thể sửa từ tệp. Hãy liên hệ điều phối.`,
        en: `Job ${live.job.code} of this dossier is already under way; it cannot be changed by an import. Contact the dispatcher.`,
      }),
    );
    return;
  }
  item.outcome = 'updated';
  planned.push({
    kind: 'update',
    index: item.index,
    row,
    fields,
    job: live.job,
    changes,
    recipientName: row.recipientName,
  });
}
