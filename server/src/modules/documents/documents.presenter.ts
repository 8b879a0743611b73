import type { JobDocument } from '@tannha/shared';
import type { DocumentRow } from './documents.repository';

export function presentDocument(d: DocumentRow, uploadedByName: string): JobDocument {
  return {
    id: d.id,
    jobId: d.jobId,
    kind: d.kind as JobDocument['kind'],
    contentType: d.contentType as JobDocument['contentType'],
    sizeBytes: d.sizeBytes,
    pageOrder: d.pageOrder,
    signer: d.signer,
    note: d.note,
    occurredAt: d.occurredAt.toISOString(),
    recordedAt: d.recordedAt.toISOString(),
    uploadedByName,
    url: `/api/documents/${d.id}/content`,
  };
}
