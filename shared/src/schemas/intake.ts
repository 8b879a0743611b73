import { z } from 'zod';

import { DossierCodeSchema } from '../dossier-code';
import { VndAmountSchema } from '../money';
import { createPhoneSchema } from '../phone';
import { pageQueryShape, pagedList } from './common';
import { AddressTextSchema, QueryBoolean, localDate } from './fields';

/**
 * Results that arrive from the one-stop system (a file export or its API): one dossier whose
 * owner chose to receive the result by post. The same rules hold for both doors.
 */

/** Who pays the postal charge of a result delivery. */
export const POSTAL_CHARGE_PAYERS = ['citizen', 'agency'] as const;
export type PostalChargePayer = (typeof POSTAL_CHARGE_PAYERS)[number];

/** How many dossiers one API batch may carry. */
export const INTAKE_BATCH_MAX = 1000;

/** What happened (or, in a preview, would happen) to one dossier. */
export const INTAKE_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

/** One finished dossier to deliver. A ward is required, by code or by name. */
export const IntakeResultSchema = z
  .object({
    dossierCode: DossierCodeSchema,
    /** The procedure's national code (mã thủ tục), or its name. */
    procedureCode: z.string().trim().min(1).max(100).optional(),
    procedureName: z.string().trim().min(1).max(500).optional(),
    recipientName: z
      .string({ error: 'Thiếu tên người nhận' })
      .trim()
      .min(2, { error: 'Tên người nhận quá ngắn' })
      .max(200),
    /** Stored as E.164. */
    phone: createPhoneSchema({ allowShort: false }),
    /** House number and street (the ward is its own field). */
    addressText: AddressTextSchema,
    wardCode: z.string().trim().min(1).max(20).optional(),
    /** The ward's name as written ("P. Trấn Biên", "phường tran bien"). */
    wardName: z.string().trim().min(1).max(200).optional(),
    /** The day the result is due / ready (YYYY-MM-DD). */
    resultReadyDate: localDate('Ngày không có thật hoặc sai dạng YYYY-MM-DD').optional(),
    /** Fees still to collect from the citizen at the door. */
    feeDueVnd: VndAmountSchema.optional(),
    postalChargeVnd: VndAmountSchema.optional(),
    postalChargePayer: z.enum(POSTAL_CHARGE_PAYERS).optional(),
    notes: z.string().trim().max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.wardCode && !v.wardName) {
      ctx.addIssue({ code: 'custom', path: ['wardCode'], message: 'Thiếu phường/xã' });
    }
  });
export type IntakeResultInput = z.input<typeof IntakeResultSchema>;
export type IntakeResult = z.output<typeof IntakeResultSchema>;

/** What is wrong with one row: the field, a stable code and a message in both languages. */
export const IntakeProblemSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
});
export type IntakeProblem = z.infer<typeof IntakeProblemSchema>;

/** The answer for one dossier of a batch (its index in the batch, from 0). */
export const IntakeItemResultSchema = z.object({
  index: z.number().int(),
  dossierCode: z.string(),
  outcome: z.enum(INTAKE_OUTCOMES),
  jobId: z.uuid().optional(),
  jobCode: z.string().optional(),
  unitId: z.uuid().optional(),
  unitName: z.string().optional(),
  /** The fields an update changed (or would change). */
  changes: z.array(z.string()).optional(),
  problems: z.array(IntakeProblemSchema),
});
export type IntakeItemResult = z.infer<typeof IntakeItemResultSchema>;

/** How many dossiers of an intake were created, updated, unchanged and refused. */
export const IntakeCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
});
export type IntakeCounts = z.infer<typeof IntakeCountsSchema>;

/** The sources an intake comes from. */
export const INTAKE_SOURCES = ['file', 'api'] as const;

/** One intake (a file import or an API batch) as lists show it. */
export const ImportRecordSchema = z.object({
  id: z.uuid(),
  source: z.enum(INTAKE_SOURCES),
  fileName: z.string().nullable(),
  fileSha256: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  apiKey: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  rowsTotal: z.number().int(),
  ...IntakeCountsSchema.shape,
  durationMs: z.number().int().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/** A refused row kept on the import record. */
export const ImportRecordProblemSchema = z.object({
  /** The file's line (header = line 1), or the item's index in an API batch. */
  line: z.number().int().nullable(),
  index: z.number().int(),
  dossierCode: z.string(),
  problems: z.array(IntakeProblemSchema),
});

/** One import record with its refused rows. */
export const ImportRecordDetailSchema = ImportRecordSchema.extend({
  problems: z.array(ImportRecordProblemSchema),
});
export type ImportRecordDetail = z.infer<typeof ImportRecordDetailSchema>;

/** `GET /api/intake/imports` */
export const ListImportsQuerySchema = z.object({ ...pageQueryShape(100) });
export type ListImportsQuery = z.infer<typeof ListImportsQuerySchema>;
export const ImportRecordListSchema = pagedList(ImportRecordSchema);

/** The query of the file routes: the file's name as the user picked it. */
export const ImportFileQuerySchema = z.object({ fileName: z.string().trim().max(200).optional() });

/** A problem of one file row, with the column as the file's header wrote it. */
export const ImportRowProblemSchema = IntakeProblemSchema.extend({ column: z.string().nullable() });

/** One row of a file preview. */
export const ImportPreviewRowSchema = z.object({
  line: z.number().int(),
  dossierCode: z.string(),
  outcome: z.enum(INTAKE_OUTCOMES),
  recipientName: z.string(),
  wardName: z.string().nullable(),
  unitName: z.string().nullable(),
  jobCode: z.string().optional(),
  changes: z.array(z.string()).optional(),
  problems: z.array(ImportRowProblemSchema),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRowSchema>;

/** `POST /api/intake/imports/preview`: what a commit of the file would do. */
export const ImportPreviewSchema = z.object({
  fileName: z.string().nullable(),
  fileSha256: z.string(),
  rowsTotal: z.number().int(),
  counts: IntakeCountsSchema,
  rows: z.array(ImportPreviewRowSchema),
  /** Earlier imports of the very same file (same SHA-256). */
  previousImports: z.array(
    z.object({ id: z.uuid(), createdAt: z.string(), createdBy: z.string().nullable() }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** `POST /api/intake/imports`: the record, the counts and each row's outcome. */
export const ImportCommitSchema = z.object({
  import: ImportRecordSchema,
  counts: IntakeCountsSchema,
  items: z.array(ImportPreviewRowSchema),
});
export type ImportCommit = z.infer<typeof ImportCommitSchema>;

/** `GET /api/intake/sample-export` */
export const SampleExportQuerySchema = z.object({
  rows: z.coerce.number().int().min(1).max(20_000).default(200),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** Add a few bad rows (unknown ward, bad phone, duplicate code, in-person procedure). */
  bad: QueryBoolean,
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1022),
});
export type SampleExportQuery = z.infer<typeof SampleExportQuerySchema>;

/** `intake.progress` socket event: how far a running import is. */
export type IntakeProgressPayload = { token?: string; done: number; total: number };
