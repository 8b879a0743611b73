import { z } from 'zod';
import { FieldInstant, FieldTimesShape } from './fields';

export const DOCUMENT_KINDS = [
  'scan',
  'photo',
  'signature',
  'authorisation_letter',
  'sealed_result',
  'handover_photo',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const SIGNERS = ['citizen', 'courier', 'recipient', 'clerk'] as const;

/** Default upload limit (server setting UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Multipart text fields sent with `POST /api/jobs/:id/documents` (the file is `file`). */
export const UploadDocumentFieldsSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: 'Loại giấy tờ không hợp lệ' }),
  pageOrder: z.coerce.number().int().min(0).max(999).optional(),
  signer: z.enum(SIGNERS).optional(),
  note: z.string().trim().max(300).optional(),
  occurredAt: FieldInstant.optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFieldsSchema>;

export const DocumentSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  contentType: z.enum(DOCUMENT_CONTENT_TYPES),
  sizeBytes: z.number().int(),
  pageOrder: z.number().int(),
  signer: z.string().nullable(),
  note: z.string().nullable(),
  ...FieldTimesShape,
  uploadedByName: z.string(),
  /** Same-origin URL of the bytes (needs a staff session). */
  url: z.string(),
});
export type JobDocument = z.infer<typeof DocumentSchema>;

export const ReorderDocumentsSchema = z.object({
  /** Scan ids in their new order. */
  ids: z.array(z.uuid()).min(1).max(200),
});
