import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@tannha/shared';
import type { DbOrTx, Tx } from '../../db/client';
import { citizens, jobs, units } from '../../db/schema';
import type { JobRow } from './jobs.repository';

/** The job, locked for the rest of the transaction (a place is written on what was read). */
export async function findJobForUpdate(tx: Tx, id: string): Promise<JobRow | undefined> {
  return (await tx.select().from(jobs).where(eq(jobs.id, id)).for('update').limit(1))[0];
}

/** Most jobs the "to pin" list shows at once. */
export const UNPLACED_LIMIT = 500;

/**
 * Open jobs of these units with no position, oldest first (the partial index
 * jobs_unplaced_idx holds exactly the rows with no latitude).
 */
export async function findUnplacedJobs(db: DbOrTx, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: jobs.id,
      code: jobs.code,
      type: jobs.type,
      status: jobs.status,
      dueDate: jobs.dueDate,
      unitId: jobs.unitId,
      unitName: units.name,
      citizenName: citizens.fullName,
      addressText: jobs.addressText,
      wardCode: jobs.wardCode,
      dossierCode: jobs.dossierCode,
      createdAt: jobs.createdAt,
    })
    .from(jobs)
    .innerJoin(units, eq(units.id, jobs.unitId))
    .innerJoin(citizens, eq(citizens.id, jobs.citizenId))
    .where(
      and(
        isNull(jobs.lat),
        inArray(jobs.unitId, [...unitIds]),
        notInArray(jobs.status, [...TERMINAL_STATUSES]),
      ),
    )
    .orderBy(asc(jobs.createdAt), asc(jobs.code))
    .limit(UNPLACED_LIMIT);
}
