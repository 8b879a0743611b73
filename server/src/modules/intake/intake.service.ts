/**
 * Results intake: dossiers finished by the one-stop system enter as result deliveries, by file
 * import or by the intake API, under one rule set (`intake-rules.ts`): a dossier code enters once.
 */
import type { Db, Tx } from '../../db/client';
import { conflict } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { recordAudit } from '../audit/audit.service';
import { createImportedJobs, updateImportedJob, type ImportedJobInput } from '../jobs/jobs.service';
import * as repo from './intake.repository';
import {
  addressKey,
  countOutcomes,
  planBatch,
  type ApplyOptions,
  type ApplyResult,
  type BatchPlan,
  type IntakeScope,
  type PlannedRow,
} from './apply-results';

export type { ApplyOptions, ApplyResult, IntakeScope } from './apply-results';
export { FIELD_NAMES } from './intake-rules';

/** Whether the database refused a write for a unique index (two intakes racing on a code). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The caller the job hooks see when none is given: a stand-in of the importer's unit. */
function standInAuth(scope: IntakeScope, unitIds: string[]): AuthContext {
  return {
    user: {
      id: scope.userId ?? scope.apiKeyId ?? scope.unitId,
      username: 'intake',
      fullName: 'Tiếp nhận kết quả',
      role: 'operator',
      unitId: scope.unitId,
      unitName: '',
    },
    unitIds,
    sessionId: '',
  };
}

/** Creates the citizens the batch needs that do not exist yet (one per office and phone). */
async function ensureCitizens(tx: Tx, plan: BatchPlan): Promise<void> {
  const missing = new Map<string, { fullName: string; phone: string; unitId: string }>();
  for (const p of plan.planned) {
    const key = p.fields.citizenKey;
    if (plan.citizens.has(key) || missing.has(key)) continue;
    missing.set(key, { fullName: p.recipientName, phone: p.row.phone, unitId: p.fields.unitId });
  }
  const list = [...missing.entries()];
  for (let s = 0; s < list.length; s += 1000) {
    const chunk = list.slice(s, s + 1000);
    const ids = await repo.insertCitizens(
      tx,
      chunk.map(([, v]) => v),
    );
    chunk.forEach(([key], i) => plan.citizens.set(key, ids[i]!));
  }
}

/** The new job of a planned row (a position only from the citizen's saved address). */
function newJob(plan: BatchPlan, p: PlannedRow, importId: string): ImportedJobInput {
  const citizenId = plan.citizens.get(p.fields.citizenKey)!;
  const pin = plan.placed.get(addressKey(citizenId, p.fields.addressText));
  return {
    type: 'result_delivery',
    unitId: p.fields.unitId,
    citizenId,
    procedureId: p.fields.procedureId,
    dossierCode: p.row.dossierCode,
    addressText: p.fields.addressText,
    wardCode: p.fields.wardCode,
    lat: pin?.lat ?? null,
    lng: pin?.lng ?? null,
    locationSource: pin ? 'saved_address' : null,
    importId,
    resultReadyDate: p.fields.resultReadyDate,
    postalChargePayer: p.fields.postalChargePayer,
    feeDueVnd: p.fields.feeDueVnd,
    postalChargeVnd: p.fields.postalChargeVnd,
    notes: p.fields.notes,
  };
}

/** Writes a planned batch: citizens, new jobs (in chunks), updates, the record and the audit. */
async function writePlan(
  tx: Tx,
  scope: IntakeScope,
  plan: BatchPlan,
  rowsTotal: number,
  opts: ApplyOptions & { lineOf: (index: number) => number },
): Promise<string> {
  const counts = countOutcomes(plan.items);
  const record = await repo.insertResultImport(tx, {
    source: scope.source,
    unitId: scope.unitId,
    createdBy: scope.userId,
    apiKeyId: scope.apiKeyId,
    fileName: scope.fileName ?? null,
    fileSha256: scope.fileSha256 ?? null,
    rowsTotal,
    ...counts,
    problems: plan.items
      .filter((it) => it.outcome === 'refused')
      .map((it) => ({
        line: scope.source === 'file' ? opts.lineOf(it.index) : null,
        index: it.index,
        dossierCode: it.dossierCode,
        problems: it.problems,
      })),
  });
  await ensureCitizens(tx, plan);
  const creates = plan.planned.filter((p) => p.kind === 'create');
  const auth = opts.auth ?? standInAuth(scope, plan.subtree);
  const jobs = await createImportedJobs(
    tx,
    creates.map((p) => newJob(plan, p, record.id)),
    {
      hooks: opts.hooks,
      auth,
      actorId: scope.userId,
      onProgress: (done) => opts.onProgress?.(done, creates.length),
    },
  );
  creates.forEach((p, i) => {
    Object.assign(plan.items[p.index]!, { jobId: jobs[i]!.id, jobCode: jobs[i]!.code });
  });
  for (const p of plan.planned) {
    if (p.kind !== 'update') continue;
    await applyUpdate(tx, plan, p, { actorId: scope.userId, importId: record.id });
  }
  await recordAudit(tx, {
    actorId: scope.userId,
    action: scope.source === 'file' ? 'intake.import_file' : 'intake.api_batch',
    entityType: 'result_import',
    entityId: record.id,
    after: { ...counts, rowsTotal, fileName: scope.fileName ?? null, apiKeyId: scope.apiKeyId },
    ip: opts.ip,
  });
  return record.id;
}

/** Writes a newer export's fields onto a job not picked up yet; refuses if it moved meanwhile. */
async function applyUpdate(
  tx: Tx,
  plan: BatchPlan,
  p: Extract<PlannedRow, { kind: 'update' }>,
  opts: { actorId: string | null; importId: string },
): Promise<void> {
  const citizenId = plan.citizens.get(p.fields.citizenKey)!;
  const addressMoved = p.changes.includes('addressText') || p.changes.includes('wardCode');
  const pin = plan.placed.get(addressKey(citizenId, p.fields.addressText));
  const row = await updateImportedJob(
    tx,
    p.job,
    {
      unitId: p.fields.unitId,
      citizenId,
      procedureId: p.fields.procedureId,
      addressText: p.fields.addressText,
      wardCode: p.fields.wardCode,
      resultReadyDate: p.fields.resultReadyDate,
      feeDueVnd: p.fields.feeDueVnd,
      postalChargeVnd: p.fields.postalChargeVnd,
      postalChargePayer: p.fields.postalChargePayer,
      notes: p.fields.notes,
      importId: opts.importId,
      ...(addressMoved
        ? {
            lat: pin?.lat ?? null,
            lng: pin?.lng ?? null,
            locationSource: pin ? 'saved_address' : null,
          }
        : {}),
    },
    { actorId: opts.actorId, changes: p.changes, importId: opts.importId },
  );
  if (!row) throw raced();
}

const raced = () =>
  conflict('intake_conflict', {
    vi: 'Một số hồ sơ vừa được thay đổi hoặc nhập cùng lúc ở nơi khác. Không có gì được ghi; hãy thử lại.',
    en: 'Some dossiers were changed or imported elsewhere at the same moment. Nothing was written; try again.',
  });

/**
 * Takes a batch of results (file rows or API items): checks every row (fields, ward known in
 * the province and served by a post office inside the importer's unit, procedure active and
 * not in-person-only, no code twice in the batch), then, in ONE transaction, creates the new
 * dossiers' jobs in the ward's post office, updates live jobs not yet picked up whose fields
 * changed, and writes the `result_imports` record (refused rows kept in its problems) and an
 * audit entry. `dryRun` (the preview) writes nothing and answers what would happen.
 */
export async function applyResults(
  db: Db,
  scope: IntakeScope,
  rows: unknown[],
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const started = Date.now();
  const lineOf = opts.lineOf ?? ((i: number) => i + 1);
  if (scope.dryRun) {
    const plan = await planBatch(db, scope, rows, lineOf);
    return { importId: null, counts: countOutcomes(plan.items), items: plan.items };
  }
  try {
    return await runTransaction(
      db,
      async (tx) => {
        const plan = await planBatch(tx, scope, rows, lineOf);
        const importId = await writePlan(tx, scope, plan, rows.length, { ...opts, lineOf });
        await repo.updateResultImport(tx, importId, { durationMs: Date.now() - started });
        return { importId, counts: countOutcomes(plan.items), items: plan.items };
      },
      opts.tx,
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw raced();
    throw err;
  }
}
