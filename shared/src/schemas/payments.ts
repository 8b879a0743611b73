import { z } from 'zod';

import { VndAmountSchema } from '../money';
import { FieldInstant, FieldTimesShape, OptionalPinShape, localDate } from './fields';

/** The two money flows kept apart (DOMAIN.md "Money: two separate flows"). */
export const PAYMENT_FLOWS = ['procedure_fee', 'postal_charge'] as const;
export type PaymentFlow = (typeof PAYMENT_FLOWS)[number];
export const PAYMENT_METHODS = ['cash', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** A transfer stays `pending` until the courier or the office sees it arrive. */
export const PAYMENT_STATUSES = ['confirmed', 'pending'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Where and when an action happened on the phone (it may arrive much later, offline). */
export const FieldContextSchema = z.object({
  /** ISO instant when it happened; defaults to when the server received it. */
  occurredAt: FieldInstant.optional(),
  ...OptionalPinShape,
});

/** An amount for each of the two flows, whole VND. */
const FlowAmountsSchema = z.object({
  procedureFee: z.number().int(),
  postalCharge: z.number().int(),
});

export const PaymentLineInputSchema = z.object({
  flow: z.enum(PAYMENT_FLOWS, {
    error: 'Loại khoản thu không hợp lệ (procedure_fee hoặc postal_charge)',
  }),
  amountVnd: VndAmountSchema,
});

/** `POST /api/jobs/:id/payments` — one collection at the door, one line per flow. */
export const CollectPaymentSchema = FieldContextSchema.extend({
  lines: z
    .array(PaymentLineInputSchema)
    .min(1, { error: 'Cần ít nhất một khoản thu' })
    .max(2)
    .refine((lines) => new Set(lines.map((l) => l.flow)).size === lines.length, {
      error: 'Mỗi loại khoản thu chỉ được một dòng',
    }),
  method: z.enum(PAYMENT_METHODS, { error: 'Hình thức thu không hợp lệ (cash hoặc transfer)' }),
  /** Required when an amount differs from what is due. */
  reason: z.string().trim().max(500).optional(),
});
export type CollectPaymentInput = z.infer<typeof CollectPaymentSchema>;

export const ReversePaymentSchema = z.object({
  reason: z.string().trim().min(3, { error: 'Cần ghi lý do điều chỉnh' }).max(500),
});
export type ReversePaymentInput = z.infer<typeof ReversePaymentSchema>;

export const PaymentSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  collectionId: z.uuid().nullable(),
  flow: z.enum(PAYMENT_FLOWS),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  amountVnd: z.number().int(),
  receiptNo: z.string(),
  reason: z.string().nullable(),
  reversesPaymentId: z.uuid().nullable(),
  ...FieldTimesShape,
  confirmedAt: z.string().nullable(),
  collectedByName: z.string(),
  shiftDate: z.string(),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** What is due on a job, what has been collected, and whether the fee stamp applies. */
export const JobMoneySchema = z.object({
  jobId: z.uuid(),
  jobCode: z.string(),
  due: FlowAmountsSchema,
  /** Confirmed, net of reversals. */
  collected: FlowAmountsSchema,
  /** Transfers shown but not yet confirmed. */
  pendingVnd: z.number().int(),
  /** Still to collect per flow (never negative). */
  outstanding: FlowAmountsSchema,
  /** "Đã thu phí, lệ phí": nothing left to collect and at least one confirmed line (or nothing was due). */
  feesCollected: z.boolean(),
  payments: z.array(PaymentSchema),
  /** Bank account for transfers (settings); null when the office has not set one. */
  bank: z
    .object({ bankBin: z.string(), accountNumber: z.string(), accountName: z.string() })
    .nullable(),
});
export type JobMoney = z.infer<typeof JobMoneySchema>;

export const CollectionResultSchema = z.object({
  collectionId: z.uuid(),
  payments: z.array(PaymentSchema),
  /** VietQR payload to show for a transfer (amount and job code in the purpose). */
  vietQr: z.string().nullable(),
  /** Whether this answer replays an earlier request with the same Idempotency-Key. */
  replayed: z.boolean(),
});
export type CollectionResult = z.infer<typeof CollectionResultSchema>;

export const CashQuerySchema = z.object({
  date: localDate('Ngày phải có dạng YYYY-MM-DD').optional(),
});
export type CashQuery = z.infer<typeof CashQuerySchema>;

/** `GET /api/couriers/me/cash` — the cash a courier hands in at the end of the shift. */
export const CashTotalSchema = z.object({
  date: z.string(),
  /** Confirmed cash, net of reversals, not handed in yet. */
  cashToHandInVnd: z.number().int(),
  byFlow: FlowAmountsSchema,
  /** Cash already counted in by the office this shift. */
  handedInVnd: z.number().int(),
  /** Transfers this shift still waiting for confirmation (not cash, shown for follow-up). */
  pendingTransfersVnd: z.number().int(),
  receiptCount: z.number().int(),
});
export type CashTotal = z.infer<typeof CashTotalSchema>;

/** The e-receipt (public page `/bien-lai/:id`): nothing personal beyond a masked name. */
export const ReceiptSchema = z.object({
  collectionId: z.uuid(),
  unitName: z.string(),
  unitAddress: z.string(),
  jobCode: z.string(),
  procedureName: z.string().nullable(),
  payerName: z.string(),
  collectorName: z.string(),
  method: z.enum(PAYMENT_METHODS),
  occurredAt: z.string(),
  lines: z.array(
    PaymentSchema.pick({ flow: true, amountVnd: true, receiptNo: true, status: true }),
  ),
  totalVnd: z.number().int(),
  /** The procedure fee is paid and confirmed: "Đã thu phí, lệ phí". */
  feeStamp: z.boolean(),
  /** Absolute URL of the tracking page for the QR code. */
  trackingUrl: z.string(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;
