import { requestContext } from '../../lib/logger';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';

/** Appends one audit event (who did what to which record, before and after). */
export async function recordAudit(
  db: DbOrTx,
  e: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
    ip?: string | undefined;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    ip: e.ip ?? null,
    requestId: requestContext.getStore()?.requestId ?? null,
  });
}
