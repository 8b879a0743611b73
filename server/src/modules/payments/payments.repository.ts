import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import { jobNameColumns } from '../../db/selections';
import { citizens, jobs, payments, procedures, units, users } from '../../db/schema';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentWithName = PaymentRow & { collectedByName: string };

const withName = { p: payments, collectedByName: users.fullName };

/** Ledger lines with the collector's name, in the given order. */
async function findPaymentsWithName(
  db: DbOrTx,
  where: SQL,
  order: SQL[],
): Promise<PaymentWithName[]> {
  const rows = await db
    .select(withName)
    .from(payments)
    .innerJoin(users, eq(users.id, payments.collectedBy))
    .where(where)
    .orderBy(...order);
  return rows.map((r) => ({ ...r.p, collectedByName: r.collectedByName }));
}

/** Every ledger line of a job, oldest first, with the collector's name. */
export const findJobPayments = (db: DbOrTx, jobId: string) =>
  findPaymentsWithName(db, eq(payments.jobId, jobId), [
    asc(payments.recordedAt),
    asc(payments.receiptNo),
  ]);

/** The lines of one collection. */
export const findCollection = (db: DbOrTx, collectionId: string) =>
  findPaymentsWithName(db, eq(payments.collectionId, collectionId), [asc(payments.flow)]);

export async function findPaymentById(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PaymentRow | undefined> {
  const q = db.select().from(payments).where(eq(payments.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/**
 * Advances the gapless counter `key` inside the caller's transaction and returns the new
 * value. The row stays locked until the transaction ends, so concurrent collections take
 * turns and a rollback gives the number back.
 */
export async function nextCounter(tx: Tx, key: string): Promise<number> {
  const rows = await queryRows<{ value: string | number }>(
    tx,
    sql`insert into counters (key, value) values (${key}, 1)
        on conflict (key) do update set value = counters.value + 1
        returning value`,
  );
  return Number(rows[0]!.value);
}

export async function insertPayments(
  tx: Tx,
  values: (typeof payments.$inferInsert)[],
): Promise<PaymentRow[]> {
  return tx.insert(payments).values(values).returning();
}

export async function markConfirmed(tx: Tx, id: string, by: string, at: Date): Promise<PaymentRow> {
  const [row] = await tx
    .update(payments)
    .set({ status: 'confirmed', confirmedAt: at, confirmedBy: by })
    .where(eq(payments.id, id))
    .returning();
  return row!;
}

export async function findUnitCode(
  db: DbOrTx,
  unitId: string,
): Promise<{ code: string; name: string; address: string }> {
  const [u] = await db
    .select({ code: units.code, name: units.name, address: units.address })
    .from(units)
    .where(eq(units.id, unitId))
    .limit(1);
  return u!;
}

/** Job facts a receipt prints. */
export async function findReceiptJob(db: DbOrTx, jobId: string) {
  const [row] = await db
    .select({
      code: jobs.code,
      ...jobNameColumns,
      unitName: units.name,
      unitAddress: units.address,
    })
    .from(jobs)
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .innerJoin(units, eq(units.id, jobs.unitId))
    .leftJoin(procedures, eq(procedures.id, jobs.procedureId))
    .where(eq(jobs.id, jobId))
    .limit(1);
  return row;
}

/** A courier's ledger lines of one shift date. */
export async function findShiftPayments(
  db: DbOrTx,
  courierId: string,
  shiftDate: string,
): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.collectedBy, courierId), eq(payments.shiftDate, shiftDate)));
}

export async function findPaymentsByIdempotencyKeys(
  db: DbOrTx,
  userId: string,
  keys: string[],
): Promise<PaymentRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.collectedBy, userId), inArray(payments.idempotencyKey, keys)));
}
