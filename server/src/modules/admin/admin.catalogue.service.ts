import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  foldVietnamese,
  type AdminProcedure,
  type AdminProcedureListQuerySchema,
  type AdminProcedureUpdateSchema,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import { procedures } from '../../db/schema';
import { AppError, conflict, localize, notFound, type Locale } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { assertProvinceAdmin } from './admin.access';
import { parseProcedureFile, type ImportedProcedure } from './procedures.import';

const PROCEDURE = { vi: 'Thủ tục', en: 'Procedure' };
type Row = typeof procedures.$inferSelect;
const view = (p: Row) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  agency: p.agency,
  field: p.field,
  processingDays: p.processingDays,
  feeVnd: p.feeVnd,
  postalChargeVnd: p.postalChargeVnd,
  requiredPapers: p.requiredPapers,
  inPersonOnly: p.inPersonOnly,
  active: p.active,
  sample: p.sample,
});
const EDITABLE = [
  'name',
  'agency',
  'field',
  'processingDays',
  'feeVnd',
  'postalChargeVnd',
  'requiredPapers',
  'inPersonOnly',
  'active',
] as const;

export async function listAdminProcedures(
  db: Db,
  q: z.infer<typeof AdminProcedureListQuerySchema>,
) {
  const folded = q.q ? foldVietnamese(q.q) : '';
  const rows = await db
    .select()
    .from(procedures)
    .where(
      sql`true ${q.includeInactive === 'true' ? sql`` : sql`and ${procedures.active}`}
        ${folded ? sql`and (vn_fold(${procedures.name}) like ${'%' + folded + '%'} or lower(${procedures.code}) like ${'%' + folded + '%'})` : sql``}`,
    )
    .orderBy(asc(procedures.field), asc(procedures.name))
    .limit(q.limit);
  return { items: rows.map(view) };
}

export async function createAdminProcedure(
  db: Db,
  auth: AuthContext,
  body: AdminProcedure,
  ip?: string,
) {
  await assertProvinceAdmin(db, auth);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procedures)
      .values(body)
      .onConflictDoNothing({ target: procedures.code })
      .returning();
    if (!row) {
      throw conflict('procedure_code_taken', {
        vi: `Mã thủ tục "${body.code}" đã có trong danh mục. Hãy sửa thủ tục đó thay vì tạo mới.`,
        en: `Procedure code "${body.code}" is already in the catalogue. Edit that procedure instead.`,
      });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'procedure.create',
      entityType: 'procedure',
      entityId: row.id,
      after: view(row),
      ip,
    });
    return view(row);
  });
}

export async function updateAdminProcedure(
  db: Db,
  auth: AuthContext,
  id: string,
  body: z.infer<typeof AdminProcedureUpdateSchema>,
  ip?: string,
) {
  await assertProvinceAdmin(db, auth);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(procedures).where(eq(procedures.id, id)).limit(1);
    if (!before) throw notFound(PROCEDURE);
    const set: Partial<typeof procedures.$inferInsert> = { updatedAt: new Date() };
    for (const k of EDITABLE)
      if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
    const [after] = await tx.update(procedures).set(set).where(eq(procedures.id, id)).returning();
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
      before: view(before),
      after: view(after!),
      ip,
    });
    return view(after!);
  });
}

function valuesOf(r: ImportedProcedure) {
  const { line: _line, ...v } = r;
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Upserts the file's procedures by code in one transaction; a file with any mistake is
 * refused whole (422, `errors: [{ line, field, message }]`) and nothing is written.
 */
export async function importProcedures(
  db: Db,
  auth: AuthContext,
  text: string,
  locale: Locale,
  opts: { fileName?: string | undefined; ip?: string | undefined },
) {
  await assertProvinceAdmin(db, auth);
  const parsed = parseProcedureFile(text);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new AppError(
      422,
      'procedures_file_invalid',
      {
        vi: `Tệp có ${parsed.errors.length} lỗi, chưa ghi gì. Lỗi đầu tiên ở dòng ${first.line}, cột ${first.field}: ${first.message.vi} Sửa tệp rồi tải lại.`,
        en: `The file has ${parsed.errors.length} mistake(s); nothing was written. First at line ${first.line}, field ${first.field}: ${first.message.en} Fix the file and upload it again.`,
      },
      {
        extra: {
          errors: parsed.errors.map((e) => ({
            line: e.line,
            field: e.field,
            message: localize(e.message, locale),
          })),
        },
      },
    );
  }
  return db.transaction(async (tx) => {
    const codes = parsed.rows.map((r) => r.code);
    const existing = new Map<string, Row>();
    for (let i = 0; i < codes.length; i += 1000) {
      for (const p of await tx
        .select()
        .from(procedures)
        .where(inArray(procedures.code, codes.slice(i, i + 1000))))
        existing.set(p.code, p);
    }
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const r of parsed.rows) {
      const v = valuesOf(r);
      const before = existing.get(r.code);
      if (!before) {
        const [row] = await tx.insert(procedures).values(v).returning();
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'procedure.import',
          entityType: 'procedure',
          entityId: row!.id,
          after: view(row!),
          reason: opts.fileName ?? null,
          ip: opts.ip,
        });
        inserted++;
        continue;
      }
      const set: Partial<typeof procedures.$inferInsert> = {};
      for (const k of EDITABLE)
        if (v[k] !== undefined && !same(v[k], before[k]))
          (set as Record<string, unknown>)[k] = v[k];
      if (Object.keys(set).length === 0) {
        unchanged++;
        continue;
      }
      const [after] = await tx
        .update(procedures)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(procedures.id, before.id))
        .returning();
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'procedure.import',
        entityType: 'procedure',
        entityId: before.id,
        before: view(before),
        after: view(after!),
        reason: opts.fileName ?? null,
        ip: opts.ip,
      });
      updated++;
    }
    const summary = { total: parsed.rows.length, inserted, updated, unchanged };
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'procedures.import',
      entityType: 'procedure_catalogue',
      entityId: null,
      after: { ...summary, fileName: opts.fileName ?? null },
      ip: opts.ip,
    });
    return summary;
  });
}
