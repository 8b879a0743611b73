import {
  sortNaturally,
  type AdminUnit,
  type AdminUnitCreate,
  type AdminUnitUpdate,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { conflict, forbidden, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { OUTSIDE_UNIT, unitScope } from '../../policies/policy';
import { recordAudit } from '../audit/audit.service';
import { presentAdminUnit } from './units.presenter';
import * as repo from './units.repository';

const UNIT = { vi: 'Đơn vị', en: 'Unit' };
const EDITABLE = ['name', 'kind', 'address', 'wardCode', 'lat', 'lng', 'phone'] as const;

/** Refuses (403) when the unit is outside the caller's subtree. */
export function assertUnitInScope(auth: AuthContext, unitId: string): void {
  if (unitScope(auth, { unitId })) throw forbidden(OUTSIDE_UNIT);
}

/** The unit and every unit below it, as ids (what a session may see). */
export async function findUnitSubtreeIds(db: DbOrTx, unitId: string): Promise<string[]> {
  return repo.findUnitSubtreeIds(db, unitId);
}

/** Units the caller may see: their own and every unit below it. */
export async function listUnits(db: Db, auth: AuthContext) {
  return repo.findUnitsByIds(db, auth.unitIds);
}

/** One unit, if the caller may see it. */
export async function getUnit(db: Db, auth: AuthContext, id: string) {
  const row = await repo.findUnitById(db, id);
  if (!row) throw notFound(UNIT);
  assertCan(auth, 'units.read', { unitId: row.id });
  return row;
}

/** The caller's own unit (undefined if it was removed). */
export async function findOwnUnit(db: DbOrTx, auth: AuthContext) {
  return repo.findUnitById(db, auth.user.unitId);
}

/** 404 unless the unit exists (for records that point at one). */
export async function assertUnitExists(db: DbOrTx, unitId: string): Promise<void> {
  if (!(await repo.findUnitById(db, unitId))) throw notFound(UNIT);
}

/** The admin list: every unit of the caller's subtree, with ward and phone. */
export async function listAdminUnits(db: Db, auth: AuthContext): Promise<{ items: AdminUnit[] }> {
  const rows = sortNaturally(await repo.findUnitsByIds(db, auth.unitIds), (u) => u.code);
  return { items: rows.map(presentAdminUnit) };
}

/** A new unit under one the admin manages (the new one is then in their subtree too). */
export async function createUnit(db: Db, auth: AuthContext, body: AdminUnitCreate, ip?: string) {
  assertCan(auth, 'units.create', { unitId: body.parentId });
  const code = body.code.toUpperCase();
  return db.transaction(async (tx) => {
    const row = await repo.insertUnit(tx, {
      code,
      name: body.name,
      kind: body.kind,
      parentId: body.parentId,
      address: body.address,
      wardCode: body.wardCode ?? null,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      phone: body.phone ?? null,
    });
    if (!row) {
      throw conflict('unit_code_taken', {
        vi: `Mã đơn vị "${code}" đã có. Hãy chọn mã khác.`,
        en: `The unit code "${code}" is already used. Choose another code.`,
      });
    }
    const view = presentAdminUnit(row);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      after: view,
      ip,
    });
    return view;
  });
}

/** Changes a unit of the caller's subtree (audited). */
export async function updateUnit(
  db: Db,
  auth: AuthContext,
  id: string,
  body: AdminUnitUpdate,
  ip?: string,
) {
  // Asked before loading: an id outside the caller's units is refused whether or not it exists.
  assertCan(auth, 'units.update', { unitId: id });
  return db.transaction(async (tx) => {
    const before = await repo.findUnitById(tx, id);
    if (!before) throw notFound(UNIT);
    const set: Partial<repo.UnitInsert> = { updatedAt: new Date() };
    for (const k of EDITABLE) {
      if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
    }
    const after = presentAdminUnit((await repo.updateUnitRow(tx, id, set))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      before: presentAdminUnit(before),
      after,
      ip,
    });
    return after;
  });
}

/** The unit and every unit above it, own first (the rooms an event about it goes to). */
export async function listUnitChainIds(db: DbOrTx, unitId: string): Promise<string[]> {
  return repo.findUnitChainIds(db, unitId);
}
