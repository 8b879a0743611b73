import { and, asc, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { insertRow } from '../../db/rows';
import { jobNameColumns } from '../../db/selections';
import {
  agencyHandoverItems,
  agencyHandovers,
  citizens,
  deliveryHandovers,
  documents,
  dossierSlips,
  jobs,
  procedures,
  units,
  users,
} from '../../db/schema';

export type DossierSlipRow = typeof dossierSlips.$inferSelect;
export type DeliveryHandoverRow = typeof deliveryHandovers.$inferSelect;
export type AgencyHandoverRow = typeof agencyHandovers.$inferSelect;

export async function findSlipByJob(
  db: DbOrTx,
  jobId: string,
): Promise<DossierSlipRow | undefined> {
  const [row] = await db.select().from(dossierSlips).where(eq(dossierSlips.jobId, jobId)).limit(1);
  return row;
}

export const insertSlip = (
  tx: Tx,
  values: typeof dossierSlips.$inferInsert,
): Promise<DossierSlipRow> => insertRow(tx, dossierSlips, values);

export async function updateSlip(
  tx: Tx,
  id: string,
  patch: Partial<typeof dossierSlips.$inferInsert>,
): Promise<void> {
  await tx.update(dossierSlips).set(patch).where(eq(dossierSlips.id, id));
}

export async function findDeliveryHandoverByJob(
  db: DbOrTx,
  jobId: string,
): Promise<DeliveryHandoverRow | undefined> {
  const [row] = await db
    .select()
    .from(deliveryHandovers)
    .where(eq(deliveryHandovers.jobId, jobId))
    .orderBy(asc(deliveryHandovers.recordedAt))
    .limit(1);
  return row;
}

export const insertDeliveryHandover = (
  tx: Tx,
  values: typeof deliveryHandovers.$inferInsert,
): Promise<DeliveryHandoverRow> => insertRow(tx, deliveryHandovers, values);

/** Ids of documents that belong to the job and were not removed. */
export async function findDocumentKinds(
  db: DbOrTx,
  jobIds: readonly string[],
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      jobId: documents.jobId,
      deletedAt: documents.deletedAt,
    })
    .from(documents)
    .where(inArray(documents.id, ids));
  return new Map(
    rows.filter((r) => jobIds.includes(r.jobId) && !r.deletedAt).map((r) => [r.id, r.kind]),
  );
}

export async function findCitizenIdOnFile(
  db: DbOrTx,
  citizenId: string,
): Promise<{ cccdHash: string | null; cccdLast4: string | null; fullName: string } | undefined> {
  const [row] = await db
    .select({
      cccdHash: citizens.cccdHash,
      cccdLast4: citizens.cccdLast4,
      fullName: citizens.fullName,
    })
    .from(citizens)
    .where(eq(citizens.id, citizenId))
    .limit(1);
  return row;
}

export const insertAgencyHandover = (
  tx: Tx,
  values: typeof agencyHandovers.$inferInsert,
): Promise<AgencyHandoverRow> => insertRow(tx, agencyHandovers, values);

export async function insertAgencyHandoverItems(
  tx: Tx,
  values: (typeof agencyHandoverItems.$inferInsert)[],
): Promise<void> {
  await tx.insert(agencyHandoverItems).values(values);
}

export async function findAgencyHandover(db: DbOrTx, id: string) {
  const [h] = await db
    .select({ h: agencyHandovers, courierName: users.fullName, unitName: units.name })
    .from(agencyHandovers)
    .innerJoin(users, eq(users.id, agencyHandovers.courierId))
    .innerJoin(units, eq(units.id, agencyHandovers.unitId))
    .where(eq(agencyHandovers.id, id))
    .limit(1);
  if (!h) return undefined;
  const items = await db
    .select({
      i: agencyHandoverItems,
      jobCode: jobs.code,
      ...jobNameColumns,
    })
    .from(agencyHandoverItems)
    .innerJoin(jobs, eq(jobs.id, agencyHandoverItems.jobId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .leftJoin(procedures, eq(procedures.id, jobs.procedureId))
    .where(eq(agencyHandoverItems.handoverId, id))
    .orderBy(asc(agencyHandoverItems.slipNo));
  return { ...h, items };
}

export async function findAgencyHandoverByKey(db: DbOrTx, courierId: string, key: string) {
  const [row] = await db
    .select()
    .from(agencyHandovers)
    .where(and(eq(agencyHandovers.courierId, courierId), eq(agencyHandovers.idempotencyKey, key)))
    .limit(1);
  return row;
}

export async function findProcedurePapers(
  db: DbOrTx,
  procedureId: string | null,
): Promise<string[]> {
  if (!procedureId) return [];
  const [row] = await db
    .select({ papers: procedures.requiredPapers })
    .from(procedures)
    .where(eq(procedures.id, procedureId))
    .limit(1);
  return row?.papers ?? [];
}

/** Who may see which rows: one courier's jobs, the jobs of some units, or both. */
export type HandoverScope = {
  /** Only jobs assigned to (or records made by) this courier. */
  courierId?: string | undefined;
  /** Only jobs (records) of these units. */
  unitIds?: readonly string[] | undefined;
};

/**
 * Home-assistance dossiers in `collected` or `submitted` with a dossier slip that no handover
 * record lists yet, oldest slip first (the ones waiting longest go to the counter first).
 */
export async function findHandoverCandidates(db: DbOrTx, scope: HandoverScope, limit = 200) {
  const where: SQL[] = [
    eq(jobs.type, 'home_assistance'),
    inArray(jobs.status, ['collected', 'submitted']),
    isNull(dossierSlips.agencyHandoverId),
  ];
  if (scope.courierId) where.push(eq(jobs.courierId, scope.courierId));
  if (scope.unitIds) where.push(inArray(jobs.unitId, [...scope.unitIds]));
  return db
    .select({
      jobId: jobs.id,
      jobCode: jobs.code,
      status: jobs.status,
      ...jobNameColumns,
      agency: procedures.agency,
      slipNo: dossierSlips.slipNo,
      complete: dossierSlips.complete,
      missing: dossierSlips.missing,
      collectedAt: dossierSlips.occurredAt,
      courierName: users.fullName,
    })
    .from(dossierSlips)
    .innerJoin(jobs, eq(jobs.id, dossierSlips.jobId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .leftJoin(procedures, eq(procedures.id, jobs.procedureId))
    .leftJoin(users, eq(users.id, jobs.courierId))
    .where(and(...where))
    .orderBy(asc(dossierSlips.occurredAt), asc(jobs.code))
    .limit(limit);
}
export type AgencyHandoverCandidateRow = Awaited<ReturnType<typeof findHandoverCandidates>>[number];

/** The latest handover records, newest signature first, with how many dossiers each lists. */
export async function findAgencyHandovers(db: DbOrTx, scope: HandoverScope, limit: number) {
  const where: SQL[] = [];
  if (scope.courierId) where.push(eq(agencyHandovers.courierId, scope.courierId));
  if (scope.unitIds) where.push(inArray(agencyHandovers.unitId, [...scope.unitIds]));
  return db
    .select({
      id: agencyHandovers.id,
      recordNo: agencyHandovers.recordNo,
      agencyName: agencyHandovers.agencyName,
      clerkName: agencyHandovers.clerkName,
      courierName: users.fullName,
      signedAt: agencyHandovers.signedAt,
      itemCount: count(agencyHandoverItems.jobId),
    })
    .from(agencyHandovers)
    .innerJoin(users, eq(users.id, agencyHandovers.courierId))
    .leftJoin(agencyHandoverItems, eq(agencyHandoverItems.handoverId, agencyHandovers.id))
    .where(and(...where))
    .groupBy(agencyHandovers.id, users.fullName)
    .orderBy(desc(agencyHandovers.signedAt), desc(agencyHandovers.recordSeq))
    .limit(limit);
}
export type AgencyHandoverSummaryRow = Awaited<ReturnType<typeof findAgencyHandovers>>[number];

/** Keeps an ID checked at the door on the citizen's card, unless one is already on file. */
export async function setCitizenIdIfNone(
  tx: Tx,
  citizenId: string,
  id: { cccdHash: string; cccdLast4: string },
): Promise<void> {
  await tx
    .update(citizens)
    .set(id)
    .where(and(eq(citizens.id, citizenId), isNull(citizens.cccdHash)));
}
