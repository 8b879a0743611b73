import type { PasswordChangeInput, PasswordChangeResult } from '@tannha/shared';
import type { Db } from '../../db/client';
import { unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { hashPassword, verifyPassword } from '../../lib/password';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { revoke } from '../../realtime/bus';
import { recordAudit } from '../audit/audit.service';
import * as repo from './auth.repository';

const WRONG_CURRENT = {
  vi: 'Mật khẩu hiện tại không đúng.',
  en: 'The current password is wrong.',
};

/**
 * A signed-in user sets a new password after proving the current one. Every other session of
 * theirs ends in the same transaction (and its sockets close after the commit): whoever may
 * have learnt the old password is signed out; the session that made the change stays (audited).
 */
export async function changeOwnPassword(
  db: Db,
  auth: AuthContext,
  input: PasswordChangeInput,
  ip?: string,
): Promise<PasswordChangeResult> {
  assertCan(auth, 'auth.change_password');
  const stored = await repo.findPasswordHash(db, auth.user.id);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw unprocessable('wrong_current_password', WRONG_CURRENT, {
      currentPassword: WRONG_CURRENT,
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return runTransaction(db, async (tx) => {
    await repo.updatePasswordHash(tx, auth.user.id, passwordHash, new Date());
    const sessionsEnded = await repo.deleteOtherSessions(tx, auth.user.id, auth.sessionId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.change_password',
      entityType: 'user',
      entityId: auth.user.id,
      after: { passwordChanged: true, sessionsEnded },
      ip,
    });
    afterCommit(tx, () => revoke({ userId: auth.user.id, exceptSessionId: auth.sessionId }));
    return { sessionsEnded };
  });
}
