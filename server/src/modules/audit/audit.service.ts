import type { AdminAuditQuery, AuditEvent } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { readsWholeAuditTrail } from '../../policies/audit.policy';
import * as repo from './audit.repository';

export type { AuditEntry } from './audit.repository';

/**
 * Appends one audit event (who did what to which record, before and after), inside the
 * caller's transaction. The one way other modules write the audit trail.
 */
export async function recordAudit(db: DbOrTx, e: repo.AuditEntry): Promise<void> {
  await repo.recordAudit(db, e);
}

/**
 * The audit trail, newest first, optionally for one kind of record or one record. Staff of a
 * top unit see all of it; staff of a lower unit see what people of their units did.
 */
export async function listAudit(
  db: Db,
  auth: AuthContext,
  q: AdminAuditQuery,
): Promise<{ items: AuditEvent[] }> {
  assertCan(auth, 'audit.list');
  const rows = await repo.findAuditEvents(db, {
    ...q,
    actorUnitIds: readsWholeAuditTrail(auth) ? undefined : auth.unitIds,
  });
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
