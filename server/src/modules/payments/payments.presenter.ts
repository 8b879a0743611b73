import type { JobMoney, Payment, PaymentFlow, Receipt } from '@tannha/shared';
import { maskPersonName } from '../couriers/mask';
import type { JobRecord } from '../couriers/courier-actions';
import type { PaymentRow, PaymentWithName } from './payments.repository';

type Sums = Record<PaymentFlow, { confirmed: number; pending: number }>;

export function presentPayment(p: PaymentRow, collectedByName: string): Payment {
  return {
    id: p.id,
    jobId: p.jobId,
    collectionId: p.collectionId,
    flow: p.flow as Payment['flow'],
    method: p.method as Payment['method'],
    status: p.status as Payment['status'],
    amountVnd: p.amountVnd,
    receiptNo: p.receiptNo,
    reason: p.reason,
    reversesPaymentId: p.reversesPaymentId,
    occurredAt: p.occurredAt.toISOString(),
    recordedAt: p.recordedAt.toISOString(),
    confirmedAt: p.confirmedAt ? p.confirmedAt.toISOString() : null,
    collectedByName,
    shiftDate: p.shiftDate,
  };
}

export function presentJobMoney(
  job: JobRecord,
  rows: PaymentWithName[],
  sums: Sums,
  outstanding: Record<PaymentFlow, number>,
  settled: boolean,
  bank: JobMoney['bank'],
): JobMoney {
  return {
    jobId: job.id,
    jobCode: job.code,
    due: { procedureFee: job.feeDueVnd, postalCharge: job.postalChargeVnd },
    collected: {
      procedureFee: sums.procedure_fee.confirmed,
      postalCharge: sums.postal_charge.confirmed,
    },
    pendingVnd: sums.procedure_fee.pending + sums.postal_charge.pending,
    outstanding: {
      procedureFee: outstanding.procedure_fee,
      postalCharge: outstanding.postal_charge,
    },
    // The stamp says a procedure fee was collected: not for 0 ₫, nor for the postal charge alone.
    feesCollected: settled && sums.procedure_fee.confirmed > 0,
    payments: rows.map((r) => presentPayment(r, r.collectedByName)),
    bank,
  };
}

export function presentReceipt(
  collectionId: string,
  lines: PaymentWithName[],
  job: {
    code: string;
    citizenName: string;
    procedureName: string | null;
    unitName: string;
    unitAddress: string;
  },
  publicBaseUrl: string,
): Receipt {
  const first = lines[0]!;
  return {
    collectionId,
    unitName: job.unitName,
    unitAddress: job.unitAddress,
    jobCode: job.code,
    procedureName: job.procedureName,
    payerName: maskPersonName(job.citizenName),
    collectorName: first.collectedByName,
    method: first.method as Receipt['method'],
    occurredAt: first.occurredAt.toISOString(),
    lines: lines.map((l) => ({
      flow: l.flow as PaymentFlow,
      amountVnd: l.amountVnd,
      receiptNo: l.receiptNo,
      status: l.status as Receipt['lines'][number]['status'],
    })),
    totalVnd: lines.reduce((s, l) => s + l.amountVnd, 0),
    feeStamp: lines.some(
      (l) => l.flow === 'procedure_fee' && l.status === 'confirmed' && l.amountVnd > 0,
    ),
    trackingUrl: `${publicBaseUrl}/tra-cuu/${encodeURIComponent(job.code)}`,
  };
}
