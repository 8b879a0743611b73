import { randomBytes } from 'node:crypto';
import { toVnDate, type JobEventKind } from '@tannha/shared';
import type { Db } from '../../server/src/db/client';
import { calls, jobEvents, jobs, payments, ratings } from '../../server/src/db/schema';

const uniq = () => randomBytes(4).toString('hex');
let receiptSeq = 0;

export { createCitizen } from './factories';

/** A job written straight to the table (reports read tables, not the job engine's API). */
export async function createJob(
  db: Db,
  over: Partial<typeof jobs.$inferInsert> & { unitId: string; citizenId: string },
) {
  const [row] = await db
    .insert(jobs)
    .values({
      code: `TN${uniq().toUpperCase()}`,
      type: 'home_assistance',
      status: 'new',
      addressText: '12 Phạm Văn Thuận, Biên Hòa',
      ...over,
    })
    .returning();
  return row!;
}

/** One job event (a transition reaching `toStatus` at `occurredAt`). */
export async function addJobEvent(
  db: Db,
  jobId: string,
  e: {
    toStatus: string;
    fromStatus?: string;
    occurredAt: Date;
    kind?: JobEventKind;
    actorId?: string;
    reason?: string;
    data?: unknown;
  },
) {
  await db.insert(jobEvents).values({
    jobId,
    kind: e.kind ?? (e.toStatus === 'assigned' ? 'assign' : 'transition'),
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus,
    occurredAt: e.occurredAt,
    recordedAt: e.occurredAt,
    actorId: e.actorId ?? null,
    reason: e.reason ?? null,
    data: e.data ?? null,
  });
}

/** A logged 1022 call. */
export async function createCall(
  db: Db,
  over: Partial<typeof calls.$inferInsert> & { unitId: string; startedAt: Date },
) {
  const [row] = await db
    .insert(calls)
    .values({
      ticketCode: `1022-${uniq()}`,
      direction: 'inbound',
      callerPhone: '+84912000111',
      ...over,
    })
    .returning();
  return row!;
}

/** A ledger entry with its own receipt number (unique per unit, flow and year). */
export async function createPayment(
  db: Db,
  p: {
    jobId: string;
    unitId: string;
    collectedBy: string;
    flow: 'procedure_fee' | 'postal_charge';
    method: 'cash' | 'transfer';
    amountVnd: number;
    occurredAt: Date;
    status?: 'confirmed' | 'pending';
    shiftDate?: string;
  },
) {
  receiptSeq++;
  const year = Number(toVnDate(p.occurredAt).slice(0, 4));
  const [row] = await db
    .insert(payments)
    .values({
      ...p,
      status: p.status ?? 'confirmed',
      receiptYear: year,
      receiptSeq,
      receiptNo: `T/${year}/${p.flow === 'procedure_fee' ? 'LP' : 'CU'}-${String(receiptSeq).padStart(6, '0')}`,
      shiftDate: p.shiftDate ?? toVnDate(p.occurredAt),
      recordedAt: p.occurredAt,
    })
    .returning();
  return row!;
}

/** A citizen's rating of a job. */
export async function createRating(
  db: Db,
  r: {
    jobId: string;
    unitId: string;
    courierId: string | null;
    stars: number;
    comment?: string;
    createdAt: Date;
  },
) {
  const [row] = await db.insert(ratings).values(r).returning();
  return row!;
}
