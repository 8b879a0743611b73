import { and, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminAuditQuerySchema } from '@tannha/shared';
import type { Db } from '../../db/client';
import { auditEvents, users } from '../../db/schema';

/** The audit trail, newest first, optionally for one kind of record or one record. */
export async function listAudit(db: Db, q: z.infer<typeof AdminAuditQuerySchema>) {
  const rows = await db
    .select({ e: auditEvents, actorUsername: users.username, actorName: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.before ? lt(auditEvents.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(q.limit);
  return {
    items: rows.map((r) => ({
      id: Number(r.e.id),
      at: r.e.at.toISOString(),
      actor: r.e.actorId ? { id: r.e.actorId, username: r.actorUsername, fullName: r.actorName } : null,
      action: r.e.action,
      entityType: r.e.entityType,
      entityId: r.e.entityId,
      before: r.e.before,
      after: r.e.after,
      reason: r.e.reason,
    })),
  };
}
