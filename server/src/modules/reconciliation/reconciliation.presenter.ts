import type { AgencyFees, CashHandover, CourierShiftCash, FeeRemittance } from '@tannha/shared';
import type {
  CashHandoverRow,
  FeeRemittanceRow,
  feesByAgency,
  listHandovers,
  listRemittances,
  shiftCashByCourier,
} from './reconciliation.repository';

type RowOf<F extends (...a: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export function presentShiftCash(r: RowOf<typeof shiftCashByCourier>): CourierShiftCash {
  return {
    courierId: r.courier_id,
    courierName: r.courier_name,
    unitName: r.unit_name,
    outstandingVnd: Number(r.outstanding),
    outstandingCount: r.outstanding_count,
    byFlow: { procedureFeeVnd: Number(r.fee), postalChargeVnd: Number(r.postal) },
    handedInVnd: Number(r.handed),
  };
}

/** A handover just recorded (the names come from the caller; the unit name is left out). */
export function presentNewHandover(
  row: CashHandoverRow,
  courierName: string,
  countedByName: string,
): CashHandover {
  return {
    id: row.id,
    courierId: row.courierId,
    courierName,
    unitName: '',
    shiftDate: row.shiftDate,
    expectedVnd: row.expectedVnd,
    countedVnd: row.countedVnd,
    differenceVnd: row.differenceVnd,
    reason: row.reason,
    paymentCount: row.paymentCount,
    countedByName,
    countedAt: row.countedAt.toISOString(),
  };
}

export function presentHandover(r: RowOf<typeof listHandovers>): CashHandover {
  return {
    id: r.id,
    courierId: r.courier_id,
    courierName: r.courier_name,
    unitName: r.unit_name,
    shiftDate: r.shift_date,
    expectedVnd: Number(r.expected_vnd),
    countedVnd: Number(r.counted_vnd),
    differenceVnd: Number(r.difference_vnd),
    reason: r.reason,
    paymentCount: Number(r.payment_count),
    countedByName: r.counted_by_name,
    countedAt: new Date(r.counted_at).toISOString(),
  };
}

export function presentAgencyFees(r: RowOf<typeof feesByAgency>): AgencyFees {
  return {
    agency: r.agency,
    outstandingVnd: Number(r.outstanding),
    outstandingCount: r.outstanding_count,
    remittedVnd: Number(r.remitted),
  };
}

/** A remittance just recorded (the unit name is left out). */
export function presentNewRemittance(
  row: FeeRemittanceRow & { paymentCount: number },
  handedByName: string,
): FeeRemittance {
  return {
    id: row.id,
    unitName: '',
    agency: row.agency,
    amountVnd: row.amountVnd,
    paymentCount: row.paymentCount,
    reference: row.reference,
    notes: row.notes,
    handedByName,
    handedAt: row.handedAt.toISOString(),
  };
}

export function presentRemittance(r: RowOf<typeof listRemittances>): FeeRemittance {
  return {
    id: r.id,
    unitName: r.unit_name,
    agency: r.agency,
    amountVnd: Number(r.amount_vnd),
    paymentCount: r.payment_count,
    reference: r.reference,
    notes: r.notes,
    handedByName: r.handed_by_name,
    handedAt: new Date(r.handed_at).toISOString(),
  };
}
