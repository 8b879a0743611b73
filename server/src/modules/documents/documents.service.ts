import { createHash, randomUUID } from 'node:crypto';
import type { UploadDocumentFields } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import type { Storage } from '../../integrations/storage/storage';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/socket-server';
import { getActionJob, loadJobForAction, runCourierAction } from '../couriers/courier-actions';
import { EXTENSION, sniffContentType } from './documents.content';
import { MAX_BUNDLE_PAGES, prepareUpload, type DocumentLimits } from './documents.intake';
import { runDocumentsWorker } from './documents.worker-run';
import { presentDocument } from './documents.presenter';
import {
  findDocumentById,
  findJobDocuments,
  insertDocument,
  markDocumentDeleted,
  setPageOrder,
} from './documents.repository';

export type UploadedFile = { buffer: Buffer; size: number; originalname: string };

/** 415 with a message that says what is accepted. */
export function unsupportedType(): AppError {
  return new AppError(415, 'unsupported_file_type', {
    vi: 'Tệp không phải ảnh JPEG, PNG hay PDF (kiểm tra theo nội dung tệp, không theo tên). Hãy chụp lại hoặc chọn đúng tệp ảnh/PDF.',
    en: 'The file is not a JPEG, PNG or PDF (checked by its content, not its name). Take the photo again or pick an image/PDF file.',
  });
}

/** 413 naming the limit. */
export function fileTooLarge(maxBytes: number): AppError {
  const mb = (maxBytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 });
  return new AppError(413, 'file_too_large', {
    vi: `Tệp quá lớn: tối đa ${mb.replace('.', ',')} MB. Hãy chụp với độ phân giải thấp hơn hoặc chia thành nhiều trang.`,
    en: `The file is too large: at most ${mb} MB. Take the photo at a lower resolution or split it into several pages.`,
  });
}

/**
 * Stores one uploaded file for a job after checking its type by content and decoding it (an
 * image is stored re-encoded, never as sent). The bytes go to the storage backend first
 * (under a fresh key) and the row is written in the idempotent transaction; a retry with the
 * same key returns the first row and drops the extra copy.
 */
export async function uploadDocument(
  db: Db,
  storage: Storage,
  auth: AuthContext,
  jobId: string,
  file: UploadedFile | undefined,
  fields: UploadDocumentFields,
  opts: { idempotencyKey?: string | undefined; limits: DocumentLimits },
) {
  if (!file) {
    throw unprocessable(
      'file_missing',
      { vi: 'Chưa có tệp nào được gửi (trường "file").', en: 'No file was sent (field "file").' },
      {
        file: { vi: 'Chọn hoặc chụp một tệp', en: 'Choose or take a file' },
      },
    );
  }
  if (file.size > opts.limits.maxBytes) throw fileTooLarge(opts.limits.maxBytes);
  const sniffed = sniffContentType(file.buffer);
  if (!sniffed) throw unsupportedType();
  if (file.size === 0) throw unsupportedType();
  // Access is checked before anything is decoded or written to storage.
  await loadJobForAction(db, auth, 'documents.write', jobId);
  const { bytes, contentType } = await prepareUpload(file.buffer, sniffed, opts.limits);
  // The retry check compares what was sent; the row records what was stored.
  const sentSha256 = createHash('sha256').update(file.buffer).digest('hex');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storageKey = `jobs/${jobId}/${randomUUID()}.${EXTENSION[contentType]}`;
  await storage.put(storageKey, bytes, contentType);
  const spec = {
    can: 'documents.write',
    occurredAt: fields.occurredAt,
    action: { vi: 'tải tệp lên', en: 'upload a file' },
    idempotency: {
      key: opts.idempotencyKey,
      scope: `documents:upload:${jobId}`,
      request: { ...fields, sha256: sentSha256 },
    },
  } as const;
  try {
    const res = await runCourierAction(db, auth, jobId, spec, async (tx, job, { at, now }) => {
      const row = await insertDocument(tx, {
        jobId,
        unitId: job.unitId,
        kind: fields.kind,
        contentType,
        sizeBytes: bytes.length,
        sha256,
        storageKey,
        pageOrder: fields.pageOrder ?? 0,
        signer: fields.signer ?? null,
        note: fields.note ?? null,
        uploadedBy: auth.user.id,
        idempotencyKey: opts.idempotencyKey ?? null,
        occurredAt: at,
        recordedAt: now,
        lat: fields.lat ?? null,
        lng: fields.lng ?? null,
      });
      afterCommit(tx, () =>
        publish({
          rooms: [rooms.unit(job.unitId), ...(job.courierId ? [rooms.user(job.courierId)] : [])],
          event: 'documents.updated',
          payload: { jobId },
          scope: {
            ability: 'documents.read',
            record: { unitId: job.unitId, courierId: job.courierId },
          },
        }),
      );
      return presentDocument(row, auth.user.fullName);
    });
    if (res.replayed) await storage.delete(storageKey).catch(() => undefined);
    return res;
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined);
    throw err;
  }
}

/** `GET /api/jobs/:id/documents`: what was scanned, photographed and signed on a job. */
export async function listJobDocuments(db: Db, auth: AuthContext, jobId: string) {
  await loadJobForAction(db, auth, 'documents.read', jobId);
  const rows = await findJobDocuments(db, jobId);
  return { items: rows.map((d) => presentDocument(d, d.uploadedByName)) };
}

/** A document that was not removed, with its job (404 for either missing). */
async function findLiveDocument(db: Db, id: string) {
  const d = await findDocumentById(db, id);
  if (!d || d.deletedAt) throw notFound({ vi: 'Tài liệu', en: 'Document' });
  return { d, job: await getActionJob(db, d.jobId) };
}

/** The bytes of one document, for people who may see its job. */
export async function readDocumentContent(db: Db, storage: Storage, auth: AuthContext, id: string) {
  const { d, job } = await findLiveDocument(db, id);
  assertCan(auth, 'documents.read', job);
  return { contentType: d.contentType, bytes: await storage.get(d.storageKey) };
}

/** Removes a page (kept on record, hidden from lists and the bundle). Only its uploader or the office. */
export async function deleteDocument(db: Db, auth: AuthContext, id: string) {
  const { d, job } = await findLiveDocument(db, id);
  assertCan(auth, 'documents.delete', { ...job, uploadedBy: d.uploadedBy });
  await runTransaction(db, async (tx) => markDocumentDeleted(tx, id, new Date()));
}

/** Sets the order of a job's scans (ids in their new order). */
export async function reorderScans(db: Db, auth: AuthContext, jobId: string, ids: string[]) {
  await loadJobForAction(db, auth, 'documents.write', jobId);
  const docs = await findJobDocuments(db, jobId);
  const known = new Set(docs.map((d) => d.id));
  const unknown = ids.filter((i) => !known.has(i));
  if (unknown.length > 0) {
    throw unprocessable('document_not_on_job', {
      vi: 'Có trang không thuộc việc này.',
      en: 'Some pages do not belong to this job.',
    });
  }
  await runTransaction(db, async (tx) => {
    for (const [i, id] of ids.entries()) await setPageOrder(tx, id, i);
  });
  return listJobDocuments(db, auth, jobId);
}

/** 503: the bundle could not be built in time or within its memory. */
function bundleUnavailable(cause: unknown): AppError {
  return new AppError(
    503,
    'bundle_unavailable',
    {
      vi: 'Chưa ghép được hồ sơ PDF lúc này (hồ sơ quá lớn hoặc máy chủ đang bận). Hãy thử lại sau ít phút hoặc xem từng trang.',
      en: 'The PDF could not be put together right now (the file is too large or the server is busy). Try again in a few minutes or view the pages one by one.',
    },
    { cause },
  );
}

/**
 * One PDF of a job's scanned pages in their order: images become pages of their own size,
 * PDF scans are copied page by page. Built on a worker thread, one scan at a time, within
 * MAX_BUNDLE_PAGES; a page that cannot be read is replaced by a page saying so.
 */
export async function bundleScansPdf(
  db: Db,
  storage: Storage,
  auth: AuthContext,
  jobId: string,
  limits: DocumentLimits,
): Promise<{ pdf: Buffer; unreadable: number; omitted: number }> {
  const job = await loadJobForAction(db, auth, 'documents.read', jobId);
  const scans = (await findJobDocuments(db, jobId)).filter(
    (d) => d.kind === 'scan' || d.kind === 'authorisation_letter',
  );
  if (scans.length === 0) {
    throw notFound({ vi: `Bản quét của việc ${job.code}`, en: `Scans of job ${job.code}` });
  }
  const task = {
    task: 'bundle',
    count: scans.length,
    options: {
      maxPages: MAX_BUNDLE_PAGES,
      maxPixels: limits.maxPixels,
      title: `Hồ sơ ${job.code}`,
    },
  } as const;
  const provide = async (i: number) => ({
    contentType: scans[i]!.contentType,
    bytes: await storage.get(scans[i]!.storageKey),
  });
  const reply = await limits
    .bundleGate(() => runDocumentsWorker(task, { ...limits.worker, provide }))
    .catch((err: unknown) => {
      throw bundleUnavailable(err);
    });
  if (!reply.ok || reply.type !== 'bundle') throw bundleUnavailable(reply);
  return { pdf: Buffer.from(reply.pdf), unreadable: reply.unreadable, omitted: reply.omitted };
}

export { insertStagedSignature, stageSignature, type StagedSignature } from './staged-signature';
export { createDocumentLimits, type DocumentLimits } from './documents.intake';
