import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { insertRow } from '../../db/rows';
import { citizens, jobs, resultPickupItems, resultPickups, units, users } from '../../db/schema';

export type ResultPickupRow = typeof resultPickups.$inferSelect;

/**
 * The jobs the scanned codes may stand for: by dossier code or by the job's own code (TN…),
 * with the citizen's name and whether a counter pickup already lists the job. With
 * `forUpdate` the job rows stay locked until the caller's transaction ends, so two couriers
 * scanning the same stack take turns.
 */
export async function findPickupCandidates(
  db: DbOrTx,
  codes: readonly string[],
  opts: { forUpdate?: boolean } = {},
) {
  if (codes.length === 0) return [];
  const q = db
    .select({
      id: jobs.id,
      code: jobs.code,
      dossierCode: jobs.dossierCode,
      type: jobs.type,
      status: jobs.status,
      heldFrom: jobs.heldFrom,
      unitId: jobs.unitId,
      courierId: jobs.courierId,
      createdAt: jobs.createdAt,
      addressText: jobs.addressText,
      citizenName: citizens.fullName,
      pickupId: resultPickupItems.pickupId,
    })
    .from(jobs)
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .leftJoin(resultPickupItems, eq(resultPickupItems.jobId, jobs.id))
    .where(or(inArray(jobs.dossierCode, [...codes]), inArray(jobs.code, [...codes])))
    .orderBy(asc(jobs.createdAt));
  return opts.forUpdate ? q.for('update', { of: jobs }) : q;
}
export type PickupCandidateRow = Awaited<ReturnType<typeof findPickupCandidates>>[number];

export const insertResultPickup = (
  tx: Tx,
  values: typeof resultPickups.$inferInsert,
): Promise<ResultPickupRow> => insertRow(tx, resultPickups, values);

export async function insertResultPickupItems(
  tx: Tx,
  values: (typeof resultPickupItems.$inferInsert)[],
): Promise<void> {
  await tx.insert(resultPickupItems).values(values);
}

/** A counter pickup record with its courier, unit and results (citizen and address). */
export async function findResultPickup(db: DbOrTx, id: string) {
  const [p] = await db
    .select({ p: resultPickups, courierName: users.fullName, unitName: units.name })
    .from(resultPickups)
    .innerJoin(users, eq(users.id, resultPickups.courierId))
    .innerJoin(units, eq(units.id, resultPickups.unitId))
    .where(eq(resultPickups.id, id))
    .limit(1);
  if (!p) return undefined;
  const items = await db
    .select({
      jobId: resultPickupItems.jobId,
      dossierCode: resultPickupItems.dossierCode,
      jobCode: jobs.code,
      addressText: jobs.addressText,
      citizenName: citizens.fullName,
    })
    .from(resultPickupItems)
    .innerJoin(jobs, eq(jobs.id, resultPickupItems.jobId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .where(eq(resultPickupItems.pickupId, id))
    .orderBy(asc(resultPickupItems.dossierCode));
  return { ...p, items };
}
export type ResultPickupFull = NonNullable<Awaited<ReturnType<typeof findResultPickup>>>;
