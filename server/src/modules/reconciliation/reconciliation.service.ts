import {
  formatVnDate,
  formatVnd,
  type AgencyFees,
  type CashHandover,
  type CourierShiftCash,
  type CreateCashHandoverInput,
  type CreateFeeRemittanceInput,
  type FeeRemittance,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import { recordAudit } from '../audit/audit.service';
import { resolveReportUnits } from '../reports/reports.service';
import {
  feesByAgency,
  findUser,
  hasCashHandover,
  lockShiftCash,
  insertCashHandover,
  insertFeeRemittance,
  listHandovers,
  listRemittances,
  lockOutstandingCash,
  lockOutstandingFees,
  markHandedOver,
  shiftCashByCourier,
} from './reconciliation.repository';
import {
  presentAgencyFees,
  presentHandover,
  presentNewHandover,
  presentNewRemittance,
  presentRemittance,
  presentShiftCash,
} from './reconciliation.presenter';

/** The unit asked for (the caller's own by default) and every unit below it, once the caller may read it. */
async function unitsRead(db: Db, auth: AuthContext, unitId: string | undefined) {
  return (await resolveReportUnits(db, auth, 'reconciliation.read', unitId)).unitIds;
}

/** Tells the unit's dashboards that a count or a remittance was recorded. */
function notifyReports(kind: 'cash_handover' | 'fee_remittance', unitId: string) {
  publish({
    rooms: [rooms.unit(unitId)],
    event: 'reports.updated',
    payload: { kind, unitId },
    scope: { ability: 'reports.read', record: { unitId } },
  });
}

/** Each courier's cash for a shift, as the ledger has it: what is still to hand in, and what was counted. */
export async function getShiftCash(
  db: Db,
  auth: AuthContext,
  q: { date: string; unitId?: string | undefined },
): Promise<CourierShiftCash[]> {
  const rows = await shiftCashByCourier(db, await unitsRead(db, auth, q.unitId), q.date);
  return rows.map(presentShiftCash);
}

/**
 * Money in the same shift: a shift is the courier's Vietnamese day (`shiftDate`), and once a
 * manager has counted a past shift's cash it is closed. A collection the phone dates into such
 * a shift would sit in a count nobody looks at again, so it is refused (422
 * `shift_already_counted`): it stays in the phone's list of failed actions (nothing is lost) and
 * the courier hands the cash to the manager. Today's shift stays open even after a count:
 * managers may count more than once a day. Call it inside the collection's transaction: it
 * takes the shift's cash lock, as the count does.
 */
export async function assertShiftOpen(
  db: DbOrTx,
  courier: { id: string; fullName: string },
  shiftDate: string,
  today: string,
): Promise<void> {
  if (shiftDate >= today) return;
  await lockShiftCash(db, courier.id, shiftDate);
  if (!(await hasCashHandover(db, courier.id, shiftDate))) return;
  throw unprocessable(
    'shift_already_counted',
    {
      vi: `Tiền ca ngày ${formatVnDate(shiftDate)} của ${courier.fullName} đã được kiểm đếm và chốt, nên khoản thu này không ghi vào ca đó được. Khoản này vẫn nằm trong danh sách chờ gửi; hãy nộp số tiền này cho quản lý và báo cho họ.`,
      en: `${courier.fullName}'s cash for the shift of ${formatVnDate(shiftDate)} was already counted and closed, so this collection cannot go into it. It stays in the list waiting to be sent; hand this cash to the manager and tell them.`,
    },
    {
      occurredAt: {
        vi: 'Ca này đã chốt tiền',
        en: 'This shift’s cash is already counted',
      },
    },
  );
}

/** 422 `difference_needs_reason` when the count does not match the ledger and no reason is given. */
function assertReasonForDifference(difference: number, reason: string | null): void {
  if (difference === 0 || reason) return;
  const what = formatVnd(Math.abs(difference));
  throw unprocessable(
    'difference_needs_reason',
    {
      vi: `Số tiền đếm được ${difference < 0 ? 'thiếu' : 'thừa'} ${what} so với sổ thu. Hãy ghi lý do chênh lệch.`,
      en: `The count is ${what} ${difference < 0 ? 'short of' : 'over'} the ledger. Please state the reason for the difference.`,
    },
    {
      reason: {
        vi: 'Cần ghi lý do khi có chênh lệch.',
        en: 'A reason is required when the amounts differ.',
      },
    },
  );
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
  const courier = await findUser(db, input.courierId);
  if (!courier || courier.role !== 'courier') throw notFound({ vi: 'Bưu tá', en: 'Courier' });
  assertCan(auth, 'reconciliation.write', courier);

  const row = await runTransaction(db, async (tx) => {
    await lockShiftCash(tx, courier.id, input.shiftDate);
    const outstanding = await lockOutstandingCash(tx, courier.id, input.shiftDate);
    if (outstanding.length === 0) {
      throw unprocessable('nothing_to_hand_over', {
        vi: `${courier.fullName} không còn khoản tiền mặt nào chưa nộp trong ca ngày ${formatVnDate(input.shiftDate)}. Hãy kiểm tra lại ngày ca.`,
        en: `${courier.fullName} has no cash left to hand in for the shift of ${formatVnDate(input.shiftDate)}. Check the shift date.`,
      });
    }
    const expected = outstanding.reduce((s, p) => s + Number(p.amount_vnd), 0);
    const difference = input.countedVnd - expected;
    const reason = input.reason?.trim() || null;
    assertReasonForDifference(difference, reason);
    const h = await insertCashHandover(tx, {
      unitId: courier.unitId,
      courierId: courier.id,
      shiftDate: input.shiftDate,
      expectedVnd: expected,
      countedVnd: input.countedVnd,
      differenceVnd: difference,
      reason,
      paymentCount: outstanding.length,
      countedBy: auth.user.id,
    });
    await markHandedOver(
      tx,
      h.id,
      outstanding.map((p) => p.id),
    );
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'cash_handover.create',
      entityType: 'cash_handover',
      entityId: h.id,
      after: h,
      reason,
      ip,
    });
    return h;
  });
  notifyReports('cash_handover', row.unitId);
  return presentNewHandover(row, courier.fullName, auth.user.fullName);
}

/** The cash counts of shifts in a date range, newest first. */
export async function getHandovers(
  db: Db,
  auth: AuthContext,
  q: { from: string; to: string; unitId?: string | undefined },
): Promise<CashHandover[]> {
  const rows = await listHandovers(db, await unitsRead(db, auth, q.unitId), q.from, q.to);
  return rows.map(presentHandover);
}

/** Procedure fees per agency: what is still held for each agency and what was handed over. */
export async function getAgencyFees(
  db: Db,
  auth: AuthContext,
  q: { unitId?: string | undefined },
): Promise<AgencyFees[]> {
  const rows = await feesByAgency(db, await unitsRead(db, auth, q.unitId));
  return rows.map(presentAgencyFees);
}

/** Hands every outstanding confirmed procedure fee of an agency (in the unit and below) over to it, in one record. */
export async function recordFeeRemittance(
  db: Db,
  auth: AuthContext,
  input: CreateFeeRemittanceInput,
  ip?: string,
): Promise<FeeRemittance> {
  const { unitIds } = await resolveReportUnits(db, auth, 'reconciliation.write', input.unitId);
  const row = await runTransaction(db, async (tx) => {
    const fees = await lockOutstandingFees(tx, unitIds, input.agency);
    if (fees.length === 0) {
      throw unprocessable('nothing_to_remit', {
        vi: `Không còn khoản phí, lệ phí nào thu hộ ${input.agency} chưa bàn giao.`,
        en: `No procedure fees collected for ${input.agency} are waiting to be handed over.`,
      });
    }
    const r = await insertFeeRemittance(
      tx,
      {
        unitId: input.unitId,
        agency: input.agency,
        amountVnd: fees.reduce((s, p) => s + Number(p.amount_vnd), 0),
        reference: input.reference || null,
        notes: input.notes || null,
        handedBy: auth.user.id,
      },
      fees.map((f) => f.id),
    );
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'fee_remittance.create',
      entityType: 'fee_remittance',
      entityId: r.id,
      after: { ...r, paymentCount: fees.length },
      ip,
    });
    return { ...r, paymentCount: fees.length };
  });
  notifyReports('fee_remittance', input.unitId);
  return presentNewRemittance(row, auth.user.fullName);
}

/** The latest fee remittances of the units, newest first. */
export async function getRemittances(
  db: Db,
  auth: AuthContext,
  q: { unitId?: string | undefined },
): Promise<FeeRemittance[]> {
  const rows = await listRemittances(db, await unitsRead(db, auth, q.unitId));
  return rows.map(presentRemittance);
}
