import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { insertRow } from '../../db/rows';
import { documents, users } from '../../db/schema';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentWithName = DocumentRow & { uploadedByName: string };

/** A job's documents that were not removed, by kind then page order. */
export async function findJobDocuments(db: DbOrTx, jobId: string): Promise<DocumentWithName[]> {
  const rows = await db
    .select({ d: documents, name: users.fullName })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(eq(documents.jobId, jobId), isNull(documents.deletedAt)))
    .orderBy(asc(documents.kind), asc(documents.pageOrder), asc(documents.recordedAt));
  return rows.map((r) => ({ ...r.d, uploadedByName: r.name }));
}

export async function findDocumentById(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  return row;
}

export const insertDocument = (
  tx: Tx,
  values: typeof documents.$inferInsert,
): Promise<DocumentRow> => insertRow(tx, documents, values);

export async function markDocumentDeleted(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(documents).set({ deletedAt: at }).where(eq(documents.id, id));
}

export async function setPageOrder(tx: Tx, id: string, order: number): Promise<void> {
  await tx.update(documents).set({ pageOrder: order }).where(eq(documents.id, id));
}
