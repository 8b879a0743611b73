import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { unprocessable } from '../../lib/errors';
import type { Storage } from '../../integrations/storage/storage';
import { EXTENSION, sniffContentType } from './documents.content';
import { prepareUpload, type DocumentLimits } from './documents.intake';
import { insertDocument } from './documents.repository';

/** A signature checked, re-encoded and in storage, waiting for its row. */
export type StagedSignature = {
  storageKey: string;
  contentType: 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
};

const badSignature = () =>
  unprocessable(
    'signature_invalid',
    {
      vi: 'Chữ ký không đọc được; hãy ký lại.',
      en: 'The signature cannot be read; sign again.',
    },
    { clerkSignature: { vi: 'Ký lại', en: 'Sign again' } },
  );

/**
 * A signature that came inside another paper's body (a data URL), checked and stored like an
 * upload — its type told by content, the image decoded and encoded again — under a fresh key,
 * before the paper's transaction starts. The caller writes its row with
 * {@link insertStagedSignature} and removes the bytes with `storage.delete` if the paper fails.
 * For papers signed before any job is the courier's (the counter pickup of results), where
 * the upload route, which needs the courier's own job, cannot take it.
 */
export async function stageSignature(
  storage: Storage,
  limits: DocumentLimits,
  dataUrl: string,
): Promise<StagedSignature> {
  const input = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (input.length === 0 || input.length > limits.maxBytes) throw badSignature();
  const sniffed = sniffContentType(input);
  if (sniffed !== 'image/png' && sniffed !== 'image/jpeg') throw badSignature();
  const { bytes, contentType } = await prepareUpload(input, sniffed, limits);
  if (contentType === 'application/pdf') throw badSignature();
  const storageKey = `signatures/${randomUUID()}.${EXTENSION[contentType]}`;
  await storage.put(storageKey, bytes, contentType);
  return {
    storageKey,
    contentType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Writes the row of a staged signature as a document of `job`, in the caller's transaction. */
export async function insertStagedSignature(
  tx: Tx,
  staged: StagedSignature,
  row: {
    /** The job it is filed under (documents belong to a job). */
    job: { id: string; unitId: string };
    /** Who signed: clerk, citizen, … */
    signer: string;
    uploadedBy: string;
    occurredAt: Date;
    recordedAt: Date;
    lat: number | null;
    lng: number | null;
  },
): Promise<string> {
  const doc = await insertDocument(tx, {
    jobId: row.job.id,
    unitId: row.job.unitId,
    kind: 'signature',
    contentType: staged.contentType,
    sizeBytes: staged.sizeBytes,
    sha256: staged.sha256,
    storageKey: staged.storageKey,
    signer: row.signer,
    uploadedBy: row.uploadedBy,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    lat: row.lat,
    lng: row.lng,
  });
  return doc.id;
}
