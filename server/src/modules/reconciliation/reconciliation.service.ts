import { eq } from 'drizzle-orm';
import {
  formatVnd,
  type AgencyFees,
  type CashHandover,
  type CourierShiftCash,
  type CreateCashHandoverInput,
  type CreateFeeRemittanceInput,
  type FeeRemittance,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { cashHandovers, feeRemittanceItems, feeRemittances, users } from '../../db/schema';
import { notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import { recordAudit } from '../audit/audit.repository';
import { findUnitSubtreeIds } from '../units/units.repository';
import { assertUnitInScope } from '../units/units.service';
import {
  feesByAgency,
  listHandovers,
  listRemittances,
  lockOutstandingCash,
  lockOutstandingFees,
  markHandedOver,
  shiftCashByCourier,
} from './reconciliation.repository';

async function scopeUnits(db: Db, auth: AuthContext, unitId: string | undefined) {
  const id = unitId ?? auth.user.unitId;
  assertUnitInScope(auth, id);
  return findUnitSubtreeIds(db, id);
}

/** Each courier's cash for a shift, as the ledger has it: what is still to hand in, and what was counted. */
export async function getShiftCash(
  db: Db,
  auth: AuthContext,
  q: { date: string; unitId?: string | undefined },
): Promise<CourierShiftCash[]> {
  const unitIds = await scopeUnits(db, auth, q.unitId);
  const rows = await shiftCashByCourier(db, unitIds, q.date);
  return rows.map((r) => ({
    courierId: r.courier_id,
    courierName: r.courier_name,
    unitName: r.unit_name,
    outstandingVnd: Number(r.outstanding),
    outstandingCount: r.outstanding_count,
    byFlow: { procedureFeeVnd: Number(r.fee), postalChargeVnd: Number(r.postal) },
    handedInVnd: Number(r.handed),
  }));
}

/**
 * A manager counts a courier's cash at the end of a shift. Expected is the ledger's sum of
 * the shift's cash not handed in yet (locked, so a concurrent count cannot take the same
 * payments); the difference is stored with its reason, which is required when the count
 * does not match. The swept payments point at the handover.
 */
export async function recordCashHandover(
  db: Db,
  auth: AuthContext,
  input: CreateCashHandoverInput,
  ip?: string,
): Promise<CashHandover> {
  const courier = (await db.select().from(users).where(eq(users.id, input.courierId)).limit(1))[0];
  if (!courier || courier.role !== 'courier') throw notFound({ vi: 'Bưu tá', en: 'Courier' });
  assertUnitInScope(auth, courier.unitId);

  const row = await db.transaction(async (tx) => {
    const outstanding = await lockOutstandingCash(tx, courier.id, input.shiftDate);
    if (outstanding.length === 0) {
      throw unprocessable('nothing_to_hand_over', {
        vi: `${courier.fullName} không còn khoản tiền mặt nào chưa nộp trong ca ngày ${input.shiftDate}. Hãy kiểm tra lại ngày ca.`,
        en: `${courier.fullName} has no cash left to hand in for the shift of ${input.shiftDate}. Check the shift date.`,
      });
    }
    const expected = outstanding.reduce((s, p) => s + Number(p.amount_vnd), 0);
    const difference = input.countedVnd - expected;
    const reason = input.reason?.trim() || null;
    if (difference !== 0 && !reason) {
      const what = { vi: formatVnd(Math.abs(difference)), en: formatVnd(Math.abs(difference)) };
      throw unprocessable(
        'difference_needs_reason',
        {
          vi: `Số tiền đếm được ${difference < 0 ? 'thiếu' : 'thừa'} ${what.vi} so với sổ thu. Hãy ghi lý do chênh lệch.`,
          en: `The count is ${what.en} ${difference < 0 ? 'short of' : 'over'} the ledger. Please state the reason for the difference.`,
        },
        {
          reason: {
            vi: 'Cần ghi lý do khi có chênh lệch.',
            en: 'A reason is required when the amounts differ.',
          },
        },
      );
    }
    const [h] = await tx
      .insert(cashHandovers)
      .values({
        unitId: courier.unitId,
        courierId: courier.id,
        shiftDate: input.shiftDate,
        expectedVnd: expected,
        countedVnd: input.countedVnd,
        differenceVnd: difference,
        reason,
        paymentCount: outstanding.length,
        countedBy: auth.user.id,
      })
      .returning();
    await markHandedOver(
      tx,
      h!.id,
      outstanding.map((p) => p.id),
    );
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'cash_handover.create',
      entityType: 'cash_handover',
      entityId: h!.id,
      after: h,
      reason,
      ip,
    });
    return h!;
  });
  publish({
    rooms: [rooms.unit(row.unitId)],
    event: 'reports.updated',
    payload: { kind: 'cash_handover', unitId: row.unitId },
  });
  return {
    id: row.id,
    courierId: row.courierId,
    courierName: courier.fullName,
    unitName: '',
    shiftDate: row.shiftDate,
    expectedVnd: row.expectedVnd,
    countedVnd: row.countedVnd,
    differenceVnd: row.differenceVnd,
    reason: row.reason,
    paymentCount: row.paymentCount,
    countedByName: auth.user.fullName,
    countedAt: row.countedAt.toISOString(),
  };
}

export async function getHandovers(
  db: Db,
  auth: AuthContext,
  q: { from: string; to: string; unitId?: string | undefined },
): Promise<CashHandover[]> {
  const unitIds = await scopeUnits(db, auth, q.unitId);
  const rows = await listHandovers(db, unitIds, q.from, q.to);
  return rows.map((r) => ({
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
  }));
}

/** Procedure fees per agency: what is still held for each agency and what was handed over. */
export async function getAgencyFees(
  db: Db,
  auth: AuthContext,
  q: { unitId?: string | undefined },
): Promise<AgencyFees[]> {
  const unitIds = await scopeUnits(db, auth, q.unitId);
  const rows = await feesByAgency(db, unitIds);
  return rows.map((r) => ({
    agency: r.agency,
    outstandingVnd: Number(r.outstanding),
    outstandingCount: r.outstanding_count,
    remittedVnd: Number(r.remitted),
  }));
}

/** Hands every outstanding confirmed procedure fee of an agency (in the unit and below) over to it, in one record. */
export async function recordFeeRemittance(
  db: Db,
  auth: AuthContext,
  input: CreateFeeRemittanceInput,
  ip?: string,
): Promise<FeeRemittance> {
  const unitIds = await scopeUnits(db, auth, input.unitId);
  const row = await db.transaction(async (tx) => {
    const fees = await lockOutstandingFees(tx, unitIds, input.agency);
    if (fees.length === 0) {
      throw unprocessable('nothing_to_remit', {
        vi: `Không còn khoản phí, lệ phí nào thu hộ ${input.agency} chưa bàn giao.`,
        en: `No procedure fees collected for ${input.agency} are waiting to be handed over.`,
      });
    }
    const amount = fees.reduce((s, p) => s + Number(p.amount_vnd), 0);
    const [r] = await tx
      .insert(feeRemittances)
      .values({
        unitId: input.unitId,
        agency: input.agency,
        amountVnd: amount,
        reference: input.reference || null,
        notes: input.notes || null,
        handedBy: auth.user.id,
      })
      .returning();
    await tx
      .insert(feeRemittanceItems)
      .values(fees.map((f) => ({ remittanceId: r!.id, paymentId: f.id })));
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'fee_remittance.create',
      entityType: 'fee_remittance',
      entityId: r!.id,
      after: { ...r, paymentCount: fees.length },
      ip,
    });
    return { ...r!, paymentCount: fees.length };
  });
  publish({
    rooms: [rooms.unit(input.unitId)],
    event: 'reports.updated',
    payload: { kind: 'fee_remittance', unitId: input.unitId },
  });
  return {
    id: row.id,
    unitName: '',
    agency: row.agency,
    amountVnd: row.amountVnd,
    paymentCount: row.paymentCount,
    reference: row.reference,
    notes: row.notes,
    handedByName: auth.user.fullName,
    handedAt: row.handedAt.toISOString(),
  };
}

export async function getRemittances(
  db: Db,
  auth: AuthContext,
  q: { unitId?: string | undefined },
): Promise<FeeRemittance[]> {
  const unitIds = await scopeUnits(db, auth, q.unitId);
  const rows = await listRemittances(db, unitIds);
  return rows.map((r) => ({
    id: r.id,
    unitName: r.unit_name,
    agency: r.agency,
    amountVnd: Number(r.amount_vnd),
    paymentCount: r.payment_count,
    reference: r.reference,
    notes: r.notes,
    handedByName: r.handed_by_name,
    handedAt: new Date(r.handed_at).toISOString(),
  }));
}
