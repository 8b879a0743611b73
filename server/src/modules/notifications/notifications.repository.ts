import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { citizens, procedures, smsOutbox, users } from '../../db/schema';

/** The citizen's id and phone. */
export async function findCitizenContact(db: DbOrTx, citizenId: string) {
  const [c] = await db
    .select({ id: citizens.id, phone: citizens.phone })
    .from(citizens)
    .where(eq(citizens.id, citizenId))
    .limit(1);
  return c;
}

/** A user's full name (the courier in the SMS). */
export async function findUserName(db: DbOrTx, userId: string): Promise<string | null> {
  const [u] = await db
    .select({ fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return u?.fullName ?? null;
}

/** The agency a procedure is filed with. */
export async function findProcedureAgency(db: DbOrTx, procedureId: string) {
  const [p] = await db
    .select({ agency: procedures.agency })
    .from(procedures)
    .where(eq(procedures.id, procedureId))
    .limit(1);
  return p?.agency ?? null;
}

/** A courier's last known position, from `courier_status`. */
export async function findCourierLastPosition(db: DbOrTx, courierId: string | null) {
  const rows = await queryRows<{ lat: number | null; lng: number | null; at: Date | null }>(
    db,
    sql`select last_lat as lat, last_lng as lng, last_at as at from courier_status where courier_id = ${courierId}::uuid`,
  );
  return rows[0];
}

/** Every SMS about a job, oldest first. */
export async function findJobMessages(db: DbOrTx, jobId: string) {
  return db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.jobId, jobId))
    .orderBy(asc(smsOutbox.createdAt));
}
