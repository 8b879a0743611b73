import { and, eq, inArray } from 'drizzle-orm';
import type { AdminUserCreate, AdminUserUpdate } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { sessions, units, users } from '../../db/schema';
import { AppError, conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit/audit.repository';
import { assertUnitInScope } from '../units/units.service';

const USER = { vi: 'Người dùng', en: 'User' };
const UNIT = { vi: 'Đơn vị', en: 'Unit' };

/** What an admin sees of a user, and what the audit trail keeps (never the hash). */
function present(u: typeof users.$inferSelect, unitName?: string) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    unitId: u.unitId,
    ...(unitName !== undefined ? { unitName } : {}),
    phone: u.phone,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
const auditView = (u: typeof users.$inferSelect) => ({
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  unitId: u.unitId,
  phone: u.phone,
  disabled: u.disabled,
});

const usernameTaken = (username: string) =>
  conflict('username_taken', {
    vi: `Tên đăng nhập "${username}" đã có người dùng. Hãy chọn tên khác, ví dụ thêm số vào cuối.`,
    en: `The username "${username}" is already taken. Choose another, for example add a number at the end.`,
  });

async function unitExists(db: DbOrTx, unitId: string): Promise<void> {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!u) throw notFound(UNIT);
}

/** Loads a user the caller may manage (404 when missing, 403 outside the caller's units). */
async function manageable(db: DbOrTx, auth: AuthContext, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u) throw notFound(USER);
  assertUnitInScope(auth, u.unitId);
  return u;
}

export async function listAdminUsers(db: Db, auth: AuthContext) {
  const rows = await db
    .select({ u: users, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.unitId, [...auth.unitIds]))
    .orderBy(users.username);
  return { items: rows.map((r) => present(r.u, r.unitName)) };
}

export async function createAdminUser(
  db: Db,
  auth: AuthContext,
  body: AdminUserCreate,
  ip?: string,
) {
  assertUnitInScope(auth, body.unitId);
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    await unitExists(tx, body.unitId);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, body.username))
      .limit(1);
    if (taken) throw usernameTaken(body.username);
    const [row] = await tx
      .insert(users)
      .values({
        username: body.username,
        fullName: body.fullName,
        role: body.role,
        unitId: body.unitId,
        phone: body.phone || null,
        passwordHash,
      })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!row) throw usernameTaken(body.username);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: auditView(row),
      ip,
    });
    return present(row);
  });
}

export async function updateAdminUser(
  db: Db,
  auth: AuthContext,
  id: string,
  body: AdminUserUpdate,
  ip?: string,
) {
  if (body.unitId) assertUnitInScope(auth, body.unitId);
  if (id === auth.user.id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
    throw new AppError(422, 'cannot_demote_self', {
      vi: 'Bạn không thể tự khóa hoặc tự bỏ quyền quản trị của mình. Hãy nhờ một quản trị viên khác.',
      en: 'You cannot disable yourself or remove your own admin role. Ask another admin.',
    });
  }
  return db.transaction(async (tx) => {
    const before = await manageable(tx, auth, id);
    if (body.unitId) await unitExists(tx, body.unitId);
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (body.fullName !== undefined) set.fullName = body.fullName;
    if (body.role !== undefined) set.role = body.role;
    if (body.unitId !== undefined) set.unitId = body.unitId;
    if (body.phone !== undefined) set.phone = body.phone || null;
    if (body.disabled !== undefined) {
      set.disabled = body.disabled;
      if (!body.disabled) Object.assign(set, { failedLogins: 0, lockedUntil: null });
    }
    const [after] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
    // A disabled user, or one whose role or unit changed, signs in again with the new rights.
    const endSessions =
      body.disabled === true ||
      (body.role !== undefined && body.role !== before.role) ||
      (body.unitId !== undefined && body.unitId !== before.unitId);
    const ended = endSessions
      ? (await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id }))
          .length
      : 0;
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
      before: auditView(before),
      after: { ...auditView(after!), sessionsEnded: ended },
      ip,
    });
    return present(after!);
  });
}

export async function resetAdminUserPassword(
  db: Db,
  auth: AuthContext,
  id: string,
  password: string,
  ip?: string,
) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const before = await manageable(tx, auth, id);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    const ended = (
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, id)))
        .returning({ id: sessions.id })
    ).length;
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
