import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminUnitCreateSchema, AdminUnitUpdateSchema } from '@tannha/shared';
import type { Db } from '../../db/client';
import { units } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { assertUnitInScope } from '../units/units.service';

const UNIT = { vi: 'Đơn vị', en: 'Unit' };
type UnitRow = typeof units.$inferSelect;
const view = (u: UnitRow) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  address: u.address,
  wardCode: u.wardCode,
  lat: u.lat,
  lng: u.lng,
  phone: u.phone,
});

export async function listAdminUnits(db: Db, auth: AuthContext) {
  const rows = await db
    .select()
    .from(units)
    .where(inArray(units.id, [...auth.unitIds]))
    .orderBy(asc(units.code));
  return { items: rows.map(view) };
}

/** A new unit under one the admin manages (the new one is then in their subtree too). */
export async function createAdminUnit(
  db: Db,
  auth: AuthContext,
  body: z.infer<typeof AdminUnitCreateSchema>,
  ip?: string,
) {
  assertUnitInScope(auth, body.parentId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(units)
      .values({
        code: body.code.toUpperCase(),
        name: body.name,
        kind: body.kind,
        parentId: body.parentId,
        address: body.address,
        wardCode: body.wardCode ?? null,
        lat: body.lat ?? null,
        lng: body.lng ?? null,
        phone: body.phone ?? null,
      })
      .onConflictDoNothing({ target: units.code })
      .returning();
    if (!row) {
      throw conflict('unit_code_taken', {
        vi: `Mã đơn vị "${body.code.toUpperCase()}" đã có. Hãy chọn mã khác.`,
        en: `The unit code "${body.code.toUpperCase()}" is already used. Choose another code.`,
      });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      after: view(row),
      ip,
    });
    return view(row);
  });
}

export async function updateAdminUnit(
  db: Db,
  auth: AuthContext,
  id: string,
  body: z.infer<typeof AdminUnitUpdateSchema>,
  ip?: string,
) {
  assertUnitInScope(auth, id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id)).limit(1);
    if (!before) throw notFound(UNIT);
    const set: Partial<typeof units.$inferInsert> = { updatedAt: new Date() };
    for (const k of ['name', 'kind', 'address', 'wardCode', 'lat', 'lng', 'phone'] as const) {
      if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
    }
    const [after] = await tx.update(units).set(set).where(eq(units.id, id)).returning();
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      before: view(before),
      after: view(after!),
      ip,
    });
    return view(after!);
  });
}
