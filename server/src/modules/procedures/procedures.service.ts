import {
  foldVietnamese,
  type AdminProcedure,
  type AdminProcedureListQuery,
  type AdminProcedureUpdate,
  type CatalogueProcedure,
  type Procedure,
  type ProcedureSearchQuery,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { presentCatalogueProcedure, presentProcedure } from './procedures.presenter';
import { readProcedureQuery } from './procedure-abbreviations';
import { EDITABLE_FIELDS } from './procedure-file.fields';
import * as repo from './procedures.repository';

const PROCEDURE = { vi: 'Thủ tục', en: 'Procedure' };
/**
 * Catalogue search that ignores diacritics, reads common abbreviations (GPLX, CCCD, LLTP,
 * GCN QSDĐ …) and tolerates typos (active entries only).
 */
export async function searchCatalogue(
  db: Db,
  q: ProcedureSearchQuery,
): Promise<{ items: Procedure[] }> {
  const query = readProcedureQuery(foldVietnamese(q.q ?? ''));
  const rows = await repo.searchProcedures(db, query, q.limit);
  return { items: rows.map(presentProcedure) };
}

/** The admin list (optionally with inactive entries), by field then name. */
export async function listAdminProcedures(
  db: Db,
  q: AdminProcedureListQuery,
): Promise<{ items: CatalogueProcedure[] }> {
  const rows = await repo.findCatalogue(db, {
    folded: q.q ? foldVietnamese(q.q) : '',
    includeInactive: q.includeInactive === 'true',
    limit: q.limit,
  });
  return { items: rows.map(presentCatalogueProcedure) };
}

/** A new catalogue entry (province admins only; 409 when the code is in use; audited). */
export async function createProcedure(
  db: Db,
  auth: AuthContext,
  body: AdminProcedure,
  ip?: string,
) {
  assertCan(auth, 'procedures.create', body);
  return db.transaction(async (tx) => {
    const row = await repo.insertProcedure(tx, body, { skipTakenCode: true });
    if (!row) {
      throw conflict('procedure_code_taken', {
        vi: `Mã thủ tục "${body.code}" đã có trong danh mục. Hãy sửa thủ tục đó thay vì tạo mới.`,
        en: `Procedure code "${body.code}" is already in the catalogue. Edit that procedure instead.`,
      });
    }
    const view = presentCatalogueProcedure(row);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'procedure.create',
      entityType: 'procedure',
      entityId: row.id,
      after: view,
      ip,
    });
    return view;
  });
}

/** Changes a catalogue entry (province admins only; audited as update/activate/deactivate). */
export async function updateProcedure(
  db: Db,
  auth: AuthContext,
  id: string,
  body: AdminProcedureUpdate,
  ip?: string,
) {
  assertCan(auth, 'procedures.update', { id });
  return db.transaction(async (tx) => {
    const before = await repo.findProcedureById(tx, id);
    if (!before) throw notFound(PROCEDURE);
    const set: Partial<repo.ProcedureInsert> = { updatedAt: new Date() };
    for (const k of EDITABLE_FIELDS)
      if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
    const after = presentCatalogueProcedure((await repo.updateProcedureRow(tx, id, set))!);
    const action =
      body.active === false && before.active
        ? 'procedure.deactivate'
        : body.active === true && !before.active
          ? 'procedure.activate'
          : 'procedure.update';
    await recordAudit(tx, {
      actorId: auth.user.id,
      action,
      entityType: 'procedure',
      entityId: id,
      before: presentCatalogueProcedure(before),
      after,
      ip,
    });
    return after;
  });
}
