import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { requestContext } from '../../lib/logger';
import type { DbOrTx } from '../../db/client';
import { auditEvents, users } from '../../db/schema';

/** The audit entry a service writes inside its transaction. */
export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | undefined;
};

/** Appends one audit event (who did what to which record, before and after). */
export async function recordAudit(db: DbOrTx, e: AuditEntry): Promise<void> {
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

/** Filters of the audit trail; `actorUnitIds` limits it to what people of those units did. */
export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  before?: number | undefined;
  limit: number;
  actorUnitIds?: readonly string[] | undefined;
};

/** Audit events newest first, each with its actor's username and name. */
export async function findAuditEvents(db: DbOrTx, f: AuditFilter) {
  return db
    .select({ e: auditEvents, actorUsername: users.username, actorName: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.before ? lt(auditEvents.id, f.before) : undefined,
        f.actorUnitIds ? inArray(users.unitId, [...f.actorUnitIds]) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(f.limit);
}
