import type { Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { unlockLogin } from '../auth/auth.service';
import * as repo from './users.repository';

/**
 * Lifts the sign-in throttling of one user from every address, e.g. when they call because
 * they mistyped their password too often (audited with how many addresses were waiting).
 */
export async function unlockUserLogin(db: Db, auth: AuthContext, id: string, ip?: string) {
  return db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, id);
    if (!user) throw notFound({ vi: 'Người dùng', en: 'User' });
    assertCan(auth, 'users.unlock_login', user);
    const addressesCleared = await unlockLogin(tx, user.username);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.unlock_login',
      entityType: 'user',
      entityId: id,
      after: { addressesCleared },
      ip,
    });
    return { id, addressesCleared };
  });
}
