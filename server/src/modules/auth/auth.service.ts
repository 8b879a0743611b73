import { createHash, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { afterCommit } from '../../lib/unit-of-work';
import type { AuthContext, AuthUser, Role } from '../../lib/http';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit/audit.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { revoke } from '../../realtime/bus';
import * as repo from './auth.repository';
import { claimLoginAttempt, clearLoginAttempts } from './login-throttle';

export { unlockLogin, LOGIN_FREE_ATTEMPTS, LOGIN_MAX_DELAY_SECONDS } from './login-throttle';

/** A session ends after this long without activity. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
// Refreshing the expiry on every request would write on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

/** The cookie holds the token; the database holds only its hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks a username and password and opens a session. The attempt is counted per username
 * and client address before anything is looked up (429 `login_throttled` while that pair
 * must wait), and unknown, disabled and real users then take the same steps and the same
 * time (a password hash is always verified, a failure always audited), so the answers never
 * tell which usernames exist and nobody can lock another person out.
 */
export async function login(
  db: Db,
  input: {
    username: string;
    password: string;
    /** The client's address as the throttle keys it (IPv6 by /64). */
    address: string;
    ip?: string | undefined;
    userAgent?: string | undefined;
  },
  now = new Date(),
): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const throttleKey = { username, address: input.address };
  await claimLoginAttempt(db, throttleKey, now);
  const found = await repo.findUserForLogin(db, username);
  const user = found && !found.disabled ? found : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), input.password);
  if (!user || !ok) {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      action: 'login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      ip: input.ip,
    });
    throw invalidCredentials();
  }
  await clearLoginAttempts(db, throttleKey, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, user.id, now);
    await repo.insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'login',
      entityType: 'user',
      entityId: user.id,
      ip: input.ip,
    });
  });
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role as Role,
      unitId: user.unitId,
      unitName: user.unitName,
    },
  };
}

/** Resolves a session token to who is calling and which units they may see. */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<AuthContext | undefined> {
  return resolveSessionId(db, hashToken(token), now);
}

/**
 * Resolves a stored session id (the token's hash) again: a live connection re-checks its
 * session with it, so a session that ended, a disabled user or a changed unit shows at once.
 */
export async function resolveSessionId(
  db: Db,
  id: string,
  now = new Date(),
): Promise<AuthContext | undefined> {
  const row = await repo.findActiveSession(db, id, now);
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, id, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  const unitIds = await findUnitSubtreeIds(db, row.unitId);
  return {
    sessionId: id,
    unitIds,
    unitIsTop: row.unitParentId === null,
    user: {
      id: row.userId,
      username: row.username,
      fullName: row.fullName,
      role: row.role as Role,
      unitId: row.unitId,
      unitName: row.unitName,
    },
  };
}

/** Ends a session; its live connections close at once. */
export async function logout(db: Db, auth: AuthContext): Promise<void> {
  await repo.deleteSession(db, auth.sessionId);
  revoke({ sessionId: auth.sessionId });
}

/**
 * Signs a user out everywhere (their rights changed), inside the caller's transaction; their
 * live connections close once it commits. Returns how many sessions ended.
 */
export async function endUserSessions(tx: Tx, userId: string): Promise<number> {
  const ended = await repo.deleteUserSessions(tx, userId);
  afterCommit(tx, () => revoke({ userId }));
  return ended;
}
