import { z } from 'zod';

import { DossierCodeSchema } from '../dossier-code';
import { FieldTimesShape, limitQuery, localDate } from './fields';
import { FieldContextSchema } from './payments';

export const ID_TYPES = ['cccd', 'cmnd', 'passport'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const RECIPIENT_KINDS = ['applicant', 'proxy'] as const;

/**
 * Shape of an ID number per paper: CCCD 12 digits, old CMND 9 or 12 digits, passport a letter
 * and 7 digits (Vietnamese) or up to 9 letters/digits (foreign).
 */
export function idNumberLooksValid(type: IdType, value: string): boolean {
  const v = value.replace(/[\s.-]/g, '').toUpperCase();
  if (type === 'cccd') return /^\d{12}$/.test(v);
  if (type === 'cmnd') return /^(\d{9}|\d{12})$/.test(v);
  return /^[A-Z0-9]{6,9}$/.test(v);
}

/** A reason typed by the courier for going on although the ID shown differs from the one on file. */
const IdOverrideReason = z
  .string()
  .trim()
  .min(5, { error: 'Ghi rõ lý do, ít nhất 5 ký tự (state the reason, at least 5 characters)' })
  .max(300)
  .optional();

/** `POST /api/jobs/:id/handover` — the result handed over at the door (job → delivered). */
export const DeliveryHandoverSchema = FieldContextSchema.extend({
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: z.string().trim().min(2, { error: 'Nhập họ tên người nhận' }).max(120),
  proxyRelation: z.string().trim().max(80).optional(),
  idType: z.enum(ID_TYPES),
  /** Typed by the courier from the card; the server keeps only a hash and the last 4 digits. */
  idNumber: z.string().trim().min(6, { error: 'Nhập số giấy tờ tùy thân' }).max(20),
  signatureId: z.uuid({ error: 'Cần chữ ký của người nhận' }),
  photoId: z.uuid().optional(),
  authorisationId: z.uuid().optional(),
  papersTakenBack: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  /** Why the result is handed over although the CCCD differs from the one on file (recorded). */
  idOverrideReason: IdOverrideReason,
})
  .refine((v) => idNumberLooksValid(v.idType, v.idNumber), {
    path: ['idNumber'],
    error: 'Số giấy tờ không đúng dạng (CCCD 12 số, CMND 9 hoặc 12 số, hộ chiếu 6–9 ký tự)',
  })
  .refine((v) => v.recipientKind === 'applicant' || (v.proxyRelation ?? '').length > 0, {
    path: ['proxyRelation'],
    error: 'Người nhận thay cần ghi quan hệ với người nộp hồ sơ',
  })
  .refine((v) => v.recipientKind === 'applicant' || v.authorisationId !== undefined, {
    path: ['authorisationId'],
    error: 'Người nhận thay cần ảnh giấy ủy quyền',
  });
export type DeliveryHandoverInput = z.infer<typeof DeliveryHandoverSchema>;

export const DeliveryHandoverResultSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: z.string(),
  idType: z.enum(ID_TYPES),
  idLast4: z.string(),
  /** null when no ID number was on file to compare with. */
  idMatchesFile: z.boolean().nullable(),
  ...FieldTimesShape,
  replayed: z.boolean(),
});
export type DeliveryHandoverResult = z.infer<typeof DeliveryHandoverResultSchema>;

export const SlipPaperSchema = z.object({
  name: z.string().trim().min(1).max(200),
  copy: z.enum(['original', 'copy']),
  present: z.boolean(),
});

/** `POST /api/jobs/:id/dossier-slip` — the pickup's checklist and both signatures (job → collected). */
export const DossierSlipInputSchema = FieldContextSchema.extend({
  papers: z.array(SlipPaperSchema).min(1, { error: 'Cần ít nhất một giấy tờ' }).max(50),
  citizenSignatureId: z.uuid({ error: 'Cần chữ ký của công dân' }),
  courierSignatureId: z.uuid({ error: 'Cần chữ ký của bưu tá' }),
  /**
   * The CCCD of the person handing the dossier over (typed or read from the card's QR), checked
   * against the one on file; kept only as a hash and the last 4 digits.
   */
  idNumber: z
    .string()
    .trim()
    .min(6, { error: 'Nhập số CCCD (enter the CCCD number)' })
    .max(20)
    .optional(),
  /** Why the dossier is taken although the CCCD differs from the one on file (recorded). */
  idOverrideReason: IdOverrideReason,
});
export type DossierSlipInput = z.infer<typeof DossierSlipInputSchema>;

export const DossierSlipSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  slipNo: z.string(),
  papers: z.array(SlipPaperSchema),
  missing: z.array(z.string()),
  complete: z.boolean(),
  occurredAt: z.string(),
  filedAt: z.string().nullable(),
  dossierCode: z.string().nullable(),
  resultDueDate: z.string().nullable(),
  /** The agency handover record that lists this dossier, once it was handed over. */
  agencyHandoverId: z.uuid().nullable(),
});
export type DossierSlip = z.infer<typeof DossierSlipSchema>;

/** `POST /api/jobs/:id/submission` — the dossier code and due date from the appointment slip (job → submitted). */
export const SubmitAtCounterSchema = FieldContextSchema.extend({
  dossierCode: DossierCodeSchema,
  resultDueDate: localDate('Ngày hẹn trả phải có dạng YYYY-MM-DD'),
});
export type SubmitAtCounterInput = z.infer<typeof SubmitAtCounterSchema>;

/** `POST /api/agency-handovers` — several dossiers handed to the counter at once. */
export const AgencyHandoverInputSchema = FieldContextSchema.extend({
  agencyName: z.string().trim().min(2, { error: 'Nhập tên cơ quan nhận' }).max(200),
  clerkName: z.string().trim().min(2, { error: 'Nhập họ tên cán bộ nhận' }).max(120),
  clerkSignatureId: z.uuid().optional(),
  items: z
    .array(
      z.object({
        jobId: z.uuid(),
        complete: z.boolean(),
        note: z.string().trim().max(300).optional(),
      }),
    )
    .min(1, { error: 'Chọn ít nhất một hồ sơ' })
    .max(200),
});
export type AgencyHandoverInput = z.infer<typeof AgencyHandoverInputSchema>;

/** A handover record as every list of them shows it: who handed what to whom, and when. */
const AgencyHandoverRecordSchema = z.object({
  id: z.uuid(),
  recordNo: z.string(),
  agencyName: z.string(),
  clerkName: z.string(),
  courierName: z.string(),
  /** The legal filing time of every dossier listed. */
  signedAt: z.string(),
});

/** A dossier collected at a home, by its job and its dossier slip. */
const CollectedDossierSchema = z.object({
  jobId: z.uuid(),
  jobCode: z.string(),
  citizenName: z.string(),
  procedureName: z.string().nullable(),
  slipNo: z.string(),
  /** Whether the dossier was complete at the door. */
  complete: z.boolean(),
});

export const AgencyHandoverSchema = AgencyHandoverRecordSchema.extend({
  /** The clerk's signature drawn on the courier's phone (a document), when there is one. */
  clerkSignatureId: z.uuid().nullable(),
  unitName: z.string(),
  items: z.array(CollectedDossierSchema.extend({ note: z.string().nullable() })),
  replayed: z.boolean(),
});
export type AgencyHandover = z.infer<typeof AgencyHandoverSchema>;

/**
 * `GET /api/agency-handovers/eligible` — dossiers that may go into a handover record. A courier
 * always sees their own; the office sees its units' dossiers, or one courier's with `courierId`.
 */
export const AgencyHandoverCandidatesQuerySchema = z.object({
  courierId: z.uuid().optional(),
});
export type AgencyHandoverCandidatesQuery = z.infer<typeof AgencyHandoverCandidatesQuerySchema>;

/**
 * A dossier collected at a citizen's home (home assistance, `collected` or `submitted`) with a
 * dossier slip that no handover record lists yet — exactly what `POST /api/agency-handovers` takes.
 */
export const AgencyHandoverCandidateSchema = CollectedDossierSchema.extend({
  status: z.enum(['collected', 'submitted']),
  /** The receiving agency as written in the procedure catalogue (prefills the record). */
  agency: z.string().nullable(),
  /** The papers that were missing at the door. */
  missing: z.array(z.string()),
  /** When the dossier slip was signed at the citizen's home. */
  collectedAt: z.string(),
  courierName: z.string().nullable(),
});
export type AgencyHandoverCandidate = z.infer<typeof AgencyHandoverCandidateSchema>;

/** `GET /api/agency-handovers` — the latest handover records (a courier: their own). */
export const AgencyHandoverListQuerySchema = z.object({
  limit: limitQuery(100, 20),
});
export type AgencyHandoverListQuery = z.infer<typeof AgencyHandoverListQuerySchema>;

export const AgencyHandoverSummarySchema = AgencyHandoverRecordSchema.extend({
  itemCount: z.number().int(),
});
export type AgencyHandoverSummary = z.infer<typeof AgencyHandoverSummarySchema>;
