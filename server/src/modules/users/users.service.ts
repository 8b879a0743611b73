import {
  sortNaturally,
  type AdminUser,
  type AdminUserCreate,
  type AdminUserUpdate,
  type UserListQuery,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { hashPassword } from '../../lib/password';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan, type Ability } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { endUserSessions } from '../auth/auth.service';
import { assertUnitExists } from '../units/units.service';
import { auditedUser, presentAdminUser } from './users.presenter';
import * as repo from './users.repository';

export { unlockUserLogin } from './unlock-login';

const USER = { vi: 'Người dùng', en: 'User' };

const usernameTaken = (username: string) =>
  conflict('username_taken', {
    vi: `Tên đăng nhập "${username}" đã có người dùng. Hãy chọn tên khác, ví dụ thêm số vào cuối.`,
    en: `The username "${username}" is already taken. Choose another, for example add a number at the end.`,
  });

/** Staff of the caller's units, or of one of them (dispatchers need couriers, admins everyone). */
export async function listStaff(db: Db, auth: AuthContext, query: UserListQuery) {
  if (query.unitId) assertCan(auth, 'users.list', { unitId: query.unitId });
  const unitIds = query.unitId ? [query.unitId] : auth.unitIds;
  const staff = await repo.findStaff(db, { unitIds, role: query.role });
  // By role, then natural order within it: courier2 before courier10.
  const byUsername = sortNaturally(staff, (s) => s.username);
  return { items: sortNaturally(byUsername, (s) => s.role) };
}

/** Loads a user the caller may manage (404 when missing, 403 outside the caller's units). */
async function manageable(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  ability: Extract<Ability, 'users.update' | 'users.reset_password'>,
) {
  const u = await repo.findUserById(db, id);
  if (!u) throw notFound(USER);
  assertCan(auth, ability, u);
  return u;
}

/** The admin list: every user of the caller's units, in natural order (courier2 before courier10). */
export async function listAdminUsers(db: Db, auth: AuthContext): Promise<{ items: AdminUser[] }> {
  const rows = sortNaturally(await repo.findUsersWithUnit(db, auth.unitIds), (r) => r.u.username);
  return { items: rows.map((r) => presentAdminUser(r.u, r.unitName)) };
}

/** A new account in one of the caller's units (audited). */
export async function createUser(db: Db, auth: AuthContext, body: AdminUserCreate, ip?: string) {
  assertCan(auth, 'users.create', { unitId: body.unitId });
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    await assertUnitExists(tx, body.unitId);
    if (await repo.usernameExists(tx, body.username)) throw usernameTaken(body.username);
    const row = await repo.insertUser(tx, {
      username: body.username,
      fullName: body.fullName,
      role: body.role,
      unitId: body.unitId,
      phone: body.phone || null,
      passwordHash,
    });
    if (!row) throw usernameTaken(body.username);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: auditedUser(row),
      ip,
    });
    return presentAdminUser(row);
  });
}

function assertNotDemotingSelf(auth: AuthContext, id: string, body: AdminUserUpdate): void {
  if (id === auth.user.id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
    throw new AppError(422, 'cannot_demote_self', {
      vi: 'Bạn không thể tự khóa hoặc tự bỏ quyền quản trị của mình. Hãy nhờ một quản trị viên khác.',
      en: 'You cannot disable yourself or remove your own admin role. Ask another admin.',
    });
  }
}

function changesOf(body: AdminUserUpdate): Partial<repo.UserInsert> {
  const set: Partial<repo.UserInsert> = { updatedAt: new Date() };
  if (body.fullName !== undefined) set.fullName = body.fullName;
  if (body.role !== undefined) set.role = body.role;
  if (body.unitId !== undefined) set.unitId = body.unitId;
  if (body.phone !== undefined) set.phone = body.phone || null;
  if (body.disabled !== undefined) {
    set.disabled = body.disabled;
    if (!body.disabled) Object.assign(set, { failedLogins: 0, lockedUntil: null });
  }
  return set;
}

/** Changes a user of the caller's units; a change of rights signs them out (audited). */
export async function updateUser(
  db: Db,
  auth: AuthContext,
  id: string,
  body: AdminUserUpdate,
  ip?: string,
) {
  if (body.unitId) assertCan(auth, 'users.update', { unitId: body.unitId });
  assertNotDemotingSelf(auth, id, body);
  return runTransaction(db, async (tx) => {
    const before = await manageable(tx, auth, id, 'users.update');
    if (body.unitId) await assertUnitExists(tx, body.unitId);
    const after = (await repo.updateUserRow(tx, id, changesOf(body)))!;
    // A disabled user, or one whose role or unit changed, signs in again with the new rights.
    const endSessions =
      body.disabled === true ||
      (body.role !== undefined && body.role !== before.role) ||
      (body.unitId !== undefined && body.unitId !== before.unitId);
    const ended = endSessions ? await endUserSessions(tx, id) : 0;
    const action =
      body.disabled === true && !before.disabled
        ? 'user.disable'
        : body.disabled === false && before.disabled
          ? 'user.enable'
          : 'user.update';
    await recordAudit(tx, {
      actorId: auth.user.id,
      action,
      entityType: 'user',
      entityId: id,
      before: auditedUser(before),
      after: { ...auditedUser(after), sessionsEnded: ended },
      ip,
    });
    return presentAdminUser(after);
  });
}

/** Sets a new password, unlocks the account and ends its sessions (audited). */
export async function resetUserPassword(
  db: Db,
  auth: AuthContext,
  id: string,
  password: string,
  ip?: string,
) {
  const passwordHash = await hashPassword(password);
  return runTransaction(db, async (tx) => {
    const before = await manageable(tx, auth, id, 'users.reset_password');
    await repo.updateUserRow(tx, id, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    });
    const ended = await endUserSessions(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      before: { passwordChanged: false },
      after: { passwordChanged: true, sessionsEnded: ended },
      ip,
    });
    return { id: before.id, sessionsEnded: ended };
  });
}
