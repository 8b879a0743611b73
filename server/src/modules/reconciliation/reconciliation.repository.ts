import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import { cashHandovers, feeRemittanceItems, feeRemittances, users } from '../../db/schema';

export type CashHandoverRow = typeof cashHandovers.$inferSelect;
export type FeeRemittanceRow = typeof feeRemittances.$inferSelect;

const list = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** Per courier of the units: cash of the shift not handed in yet, and what was handed in. */
export async function shiftCashByCourier(
  db: DbOrTx,
  unitIds: readonly string[],
  shiftDate: string,
) {
  return queryRows<{
    courier_id: string;
    courier_name: string;
    unit_name: string;
    outstanding: string;
    outstanding_count: number;
    fee: string;
    postal: string;
    handed: string;
  }>(
    db,
    sql`
    select u.id as courier_id, u.full_name as courier_name, n.name as unit_name,
      coalesce(sum(p.amount_vnd) filter (where p.cash_handover_id is null), 0)::text as outstanding,
      count(p.id) filter (where p.cash_handover_id is null)::int as outstanding_count,
      coalesce(sum(p.amount_vnd) filter (where p.cash_handover_id is null and p.flow = 'procedure_fee'), 0)::text as fee,
      coalesce(sum(p.amount_vnd) filter (where p.cash_handover_id is null and p.flow = 'postal_charge'), 0)::text as postal,
      coalesce(sum(p.amount_vnd) filter (where p.cash_handover_id is not null), 0)::text as handed
    from users u
    join units n on n.id = u.unit_id
    left join payments p on p.collected_by = u.id and p.shift_date = ${shiftDate}::date and p.method = 'cash'
    where u.role = 'courier' and u.unit_id in ${list(unitIds)}
    group by u.id, u.full_name, n.name
    order by n.name, u.full_name`,
  );
}

/**
 * Serialises everything that settles one courier's cash of one shift: a manager's count and a
 * collection dated into that (past) shift take this lock first, so a late collection cannot slip
 * in after the count read the ledger, nor be checked just before the count commits.
 */
export async function lockShiftCash(tx: DbOrTx, courierId: string, shiftDate: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`cash:${courierId}:${shiftDate}`}, 0))`,
  );
}

/** Whether a manager has already counted the courier's cash of a shift (a cash handover exists). */
export async function hasCashHandover(db: DbOrTx, courierId: string, shiftDate: string) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from cash_handovers
        where courier_id = ${courierId} and shift_date = ${shiftDate}::date limit 1`,
  );
  return rows.length > 0;
}

/**
 * Locks and returns the courier's cash payments of a shift that are not handed in yet,
 * so two managers counting at once cannot sweep the same money twice.
 */
export async function lockOutstandingCash(tx: DbOrTx, courierId: string, shiftDate: string) {
  return queryRows<{ id: string; amount_vnd: string }>(
    tx,
    sql`select id, amount_vnd::text from payments
        where collected_by = ${courierId} and shift_date = ${shiftDate}::date and method = 'cash' and cash_handover_id is null
        order by id for update`,
  );
}

export async function markHandedOver(
  tx: DbOrTx,
  handoverId: string,
  paymentIds: readonly string[],
) {
  if (paymentIds.length === 0) return;
  await tx.execute(
    sql`update payments set cash_handover_id = ${handoverId} where id in ${list(paymentIds)}`,
  );
}

export async function listHandovers(
  db: DbOrTx,
  unitIds: readonly string[],
  fromDate: string,
  toDate: string,
) {
  return queryRows<{
    id: string;
    courier_id: string;
    courier_name: string;
    unit_name: string;
    shift_date: string;
    expected_vnd: string;
    counted_vnd: string;
    difference_vnd: string;
    reason: string | null;
    payment_count: string;
    counted_by_name: string;
    counted_at: Date;
  }>(
    db,
    sql`
    select h.id, h.courier_id, c.full_name as courier_name, n.name as unit_name, to_char(h.shift_date, 'YYYY-MM-DD') as shift_date,
      h.expected_vnd::text, h.counted_vnd::text, h.difference_vnd::text, h.reason, h.payment_count::text, m.full_name as counted_by_name, h.counted_at
    from cash_handovers h join users c on c.id = h.courier_id join units n on n.id = h.unit_id join users m on m.id = h.counted_by
    where h.unit_id in ${list(unitIds)} and h.shift_date between ${fromDate}::date and ${toDate}::date
    order by h.counted_at desc`,
  );
}

/** Procedure fees per agency in the units: still to hand over, and handed over already. */
export async function feesByAgency(db: DbOrTx, unitIds: readonly string[]) {
  return queryRows<{
    agency: string;
    outstanding: string;
    outstanding_count: number;
    remitted: string;
  }>(
    db,
    sql`
    select pr.agency,
      coalesce(sum(p.amount_vnd) filter (where i.payment_id is null), 0)::text as outstanding,
      count(*) filter (where i.payment_id is null)::int as outstanding_count,
      coalesce(sum(p.amount_vnd) filter (where i.payment_id is not null), 0)::text as remitted
    from payments p
    join jobs j on j.id = p.job_id
    join procedures pr on pr.id = j.procedure_id
    left join fee_remittance_items i on i.payment_id = p.id
    where p.unit_id in ${list(unitIds)} and p.flow = 'procedure_fee' and p.status = 'confirmed'
    group by pr.agency
    order by pr.agency`,
  );
}

/** Locks the agency's confirmed fee payments in the units that are not handed over yet. */
export async function lockOutstandingFees(tx: DbOrTx, unitIds: readonly string[], agency: string) {
  return queryRows<{ id: string; amount_vnd: string }>(
    tx,
    sql`select p.id, p.amount_vnd::text from payments p
        join jobs j on j.id = p.job_id join procedures pr on pr.id = j.procedure_id
        where p.unit_id in ${list(unitIds)} and p.flow = 'procedure_fee' and p.status = 'confirmed' and pr.agency = ${agency}
          and not exists (select 1 from fee_remittance_items i where i.payment_id = p.id)
        order by p.id for update of p`,
  );
}

export async function listRemittances(db: DbOrTx, unitIds: readonly string[]) {
  return queryRows<{
    id: string;
    unit_name: string;
    agency: string;
    amount_vnd: string;
    payment_count: number;
    reference: string | null;
    notes: string | null;
    handed_by_name: string;
    handed_at: Date;
  }>(
    db,
    sql`
    select r.id, n.name as unit_name, r.agency, r.amount_vnd::text, (select count(*)::int from fee_remittance_items i where i.remittance_id = r.id) as payment_count,
      r.reference, r.notes, u.full_name as handed_by_name, r.handed_at
    from fee_remittances r join units n on n.id = r.unit_id join users u on u.id = r.handed_by
    where r.unit_id in ${list(unitIds)}
    order by r.handed_at desc limit 200`,
  );
}

/** A user by id (the courier whose cash is counted). */
export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertCashHandover(
  tx: Tx,
  values: typeof cashHandovers.$inferInsert,
): Promise<CashHandoverRow> {
  const [row] = await tx.insert(cashHandovers).values(values).returning();
  return row!;
}

/** One remittance record and the payments it hands over. */
export async function insertFeeRemittance(
  tx: Tx,
  values: typeof feeRemittances.$inferInsert,
  paymentIds: readonly string[],
): Promise<FeeRemittanceRow> {
  const [row] = await tx.insert(feeRemittances).values(values).returning();
  await tx
    .insert(feeRemittanceItems)
    .values(paymentIds.map((paymentId) => ({ remittanceId: row!.id, paymentId })));
  return row!;
}
