import { unprocessable, type AppError } from '../../lib/errors';
import type { AcceptedType } from './documents.content';
import { createGate, normalizeImage, type Gate } from './documents.image';
import { runDocumentsWorker } from './documents.worker-run';

/** Pages an uploaded PDF may have: a dossier is a few pages, a bundle at most 200. */
export const MAX_PDF_UPLOAD_PAGES = 100;
/** Pages of the bundle PDF; what does not fit is named on its last page. */
export const MAX_BUNDLE_PAGES = 200;
/** A documents thread is stopped after this long… */
const WORKER_TIMEOUT_MS = 60_000;
/** …or past this heap. */
const WORKER_HEAP_MB = 256;

/** How files are checked and bundled; built once per app. */
export type DocumentLimits = {
  /** Largest upload in bytes (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Most pixels of an image (UPLOAD_MAX_PIXELS). */
  maxPixels: number;
  /** Bounds the decodes running at once. */
  decodeGate: Gate;
  /** Bounds the bundle threads running at once. */
  bundleGate: Gate;
  /** Deadline and heap of a documents thread. */
  worker: { timeoutMs: number; maxHeapMb: number };
};

/** The limits with two decodes and two bundle threads at a time (the server has few cores). */
export function createDocumentLimits(maxBytes: number, maxPixels: number): DocumentLimits {
  return {
    maxBytes,
    maxPixels,
    decodeGate: createGate(2),
    bundleGate: createGate(2),
    worker: { timeoutMs: WORKER_TIMEOUT_MS, maxHeapMb: WORKER_HEAP_MB },
  };
}

/** 422: a PDF that pdf-lib cannot read. */
function pdfUnreadable(): AppError {
  return unprocessable('pdf_unreadable', {
    vi: 'Không đọc được tệp PDF này (tệp hỏng hoặc bị mã hoá). Hãy quét lại hoặc gửi ảnh JPEG hoặc PNG của từng trang.',
    en: 'This PDF cannot be read (it is damaged or encrypted). Scan it again or send a JPEG or PNG image of each page.',
  });
}

/** 422: a PDF longer than MAX_PDF_UPLOAD_PAGES. */
function pdfTooManyPages(pages: number): AppError {
  return unprocessable('pdf_too_many_pages', {
    vi: `Tệp PDF có ${pages} trang, tối đa ${MAX_PDF_UPLOAD_PAGES} trang. Hãy chia thành nhiều tệp.`,
    en: `The PDF has ${pages} pages, at most ${MAX_PDF_UPLOAD_PAGES}. Split it into several files.`,
  });
}

/**
 * Turns an upload whose first bytes looked right into the bytes to store: images are decoded
 * and encoded again (see normalizeImage), PDFs are parsed on a worker thread and their pages
 * counted. Anything that does not decode is refused here, before a byte reaches storage.
 */
export async function prepareUpload(
  input: Buffer,
  contentType: AcceptedType,
  limits: DocumentLimits,
): Promise<{ bytes: Buffer; contentType: AcceptedType }> {
  if (contentType !== 'application/pdf') {
    const img = await limits.decodeGate(() => normalizeImage(input, contentType, limits.maxPixels));
    return { bytes: img.bytes, contentType: img.contentType };
  }
  const reply = await limits
    .decodeGate(() => runDocumentsWorker({ task: 'countPdfPages', bytes: input }, limits.worker))
    .catch(() => undefined);
  if (!reply || !reply.ok || reply.type !== 'pages') throw pdfUnreadable();
  if (reply.pages < 1) throw pdfUnreadable();
  if (reply.pages > MAX_PDF_UPLOAD_PAGES) throw pdfTooManyPages(reply.pages);
  return { bytes: input, contentType };
}
