import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminAuditQuerySchema } from '@tannha/shared';
import type { Db } from '../../db/client';
import { auditEvents, units, users } from '../../db/schema';
import type { AuthContext } from '../../lib/http';

/**
 * The audit trail, newest first, optionally for one kind of record or one record. Staff of a
 * top unit see all of it; staff of a lower unit see what people of their units did.
 */
export async function listAudit(
  db: Db,
  auth: AuthContext,
  q: z.infer<typeof AdminAuditQuerySchema>,
) {
  const [own] = await db
    .select({ parentId: units.parentId })
    .from(units)
    .where(eq(units.id, auth.user.unitId))
    .limit(1);
  const wholeTrail = own !== undefined && own.parentId === null;
  const rows = await db
    .select({ e: auditEvents, actorUsername: users.username, actorName: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.before ? lt(auditEvents.id, q.before) : undefined,
        wholeTrail ? undefined : inArray(users.unitId, [...auth.unitIds]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(q.limit);
  return {
    items: rows.map((r) => ({
      id: Number(r.e.id),
      at: r.e.at.toISOString(),
      actor: r.e.actorId
        ? { id: r.e.actorId, username: r.actorUsername, fullName: r.actorName }
        : null,
      action: r.e.action,
      entityType: r.e.entityType,
      entityId: r.e.entityId,
      before: r.e.before,
      after: r.e.after,
      reason: r.e.reason,
    })),
  };
}
