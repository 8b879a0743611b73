import { INTAKE_BATCH_MAX, type IntakeApiAnswer } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, type LocalizedText } from '../../lib/errors';
import { withIdempotency } from '../../lib/idempotency';
import { applyResults } from '../intake/intake.service';
import type { JobHooks } from '../jobs/jobs.service';

/** 400 `invalid_batch`: the batch itself cannot be read; nothing of it was written. */
function invalidBatch(fields: Record<string, LocalizedText>): AppError {
  return new AppError(
    400,
    'invalid_batch',
    {
      vi: `Lô hồ sơ không hợp lệ: cần một đối tượng JSON {"results": [...]} với 1 đến ${INTAKE_BATCH_MAX} hồ sơ, mỗi hồ sơ là một đối tượng. Không hồ sơ nào được ghi.`,
      en: `Invalid batch: send a JSON object {"results": [...]} with 1 to ${INTAKE_BATCH_MAX} dossiers, each an object. Nothing was written.`,
    },
    { fields },
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The dossiers of a batch, or 400 `invalid_batch` when the batch is not an object, `results`
 * is not an array of 1 to {@link INTAKE_BATCH_MAX} items, or an item is not an object. What is
 * wrong inside an item is that item's problem, answered per item.
 */
export function readBatch(body: unknown): Record<string, unknown>[] {
  if (!isPlainObject(body) || !Array.isArray(body.results)) {
    throw invalidBatch({
      results: {
        vi: 'Thiếu mảng "results".',
        en: 'The "results" array is missing.',
      },
    });
  }
  const results: unknown[] = body.results;
  if (results.length === 0 || results.length > INTAKE_BATCH_MAX) {
    throw invalidBatch({
      results: {
        vi: `Cần từ 1 đến ${INTAKE_BATCH_MAX} hồ sơ; lô này có ${results.length}.`,
        en: `Send 1 to ${INTAKE_BATCH_MAX} dossiers; this batch has ${results.length}.`,
      },
    });
  }
  const fields: Record<string, LocalizedText> = {};
  results.forEach((item, i) => {
    if (!isPlainObject(item) && Object.keys(fields).length < 20) {
      fields[`results.${i}`] = {
        vi: 'Mỗi hồ sơ phải là một đối tượng JSON.',
        en: 'Each dossier must be a JSON object.',
      };
    }
  });
  if (Object.keys(fields).length > 0) throw invalidBatch(fields);
  return results as Record<string, unknown>[];
}

/** What {@link receiveResults} needs beside the database. */
export type ReceiveOptions = {
  /** The job hooks of the app (a created result delivery runs its `created` hooks). */
  hooks: JobHooks;
  /** The `Idempotency-Key` header, checked; the same key replays the first answer. */
  idempotencyKey: string | undefined;
};

/**
 * One batch of results sent by an agency's one-stop system with its key: every dossier is
 * created, updated, left unchanged or refused (with its problems), in one transaction, within
 * the key's unit. Idempotent by dossier code; with an `Idempotency-Key` the first answer is
 * replayed as it was (kept under the admin who made the key, per key).
 */
export async function receiveResults(
  db: Db,
  key: { id: string; unitId: string; createdBy: string },
  body: unknown,
  opts: ReceiveOptions,
): Promise<IntakeApiAnswer> {
  const results = readBatch(body);
  const scope = {
    unitId: key.unitId,
    userId: null,
    apiKeyId: key.id,
    source: 'api' as const,
  };
  const answer = await withIdempotency(
    db,
    {
      userId: key.createdBy,
      key: opts.idempotencyKey,
      scope: `intake-api:${key.id}`,
      request: results,
    },
    async (tx) => ({
      status: 200,
      body: await applyResults(db, scope, results, { hooks: opts.hooks, tx }),
    }),
  );
  return answer.body as IntakeApiAnswer;
}
