import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import {
  adminWards,
  citizenAddresses,
  citizens,
  intakeApiKeys,
  procedures,
  resultImports,
  units,
  unitServiceWards,
  users,
} from '../../db/schema';

export type ResultImportRow = typeof resultImports.$inferSelect;
export type NewResultImportRow = typeof resultImports.$inferInsert;

/** A ward of the province with its folded names and the post office that serves it (if any). */
export type WardPlace = {
  code: string;
  name: string;
  fullName: string;
  foldName: string;
  foldFullName: string;
  unitId: string | null;
  unitName: string | null;
};

/** Every ward of a province, with its folded names (vn_fold) and its serving office. */
export async function findProvinceWards(db: DbOrTx, provinceCode: string): Promise<WardPlace[]> {
  return db
    .select({
      code: adminWards.code,
      name: adminWards.name,
      fullName: adminWards.fullName,
      foldName: sql<string>`vn_fold(${adminWards.name})`,
      foldFullName: sql<string>`vn_fold(${adminWards.fullName})`,
      unitId: unitServiceWards.unitId,
      unitName: units.name,
    })
    .from(adminWards)
    .leftJoin(unitServiceWards, eq(unitServiceWards.wardCode, adminWards.code))
    .leftJoin(units, eq(units.id, unitServiceWards.unitId))
    .where(eq(adminWards.provinceCode, provinceCode));
}

/** Folds texts the way the database folds names (vn_fold: lower case, no accents). */
export async function foldTexts(db: DbOrTx, texts: string[]): Promise<Map<string, string>> {
  if (texts.length === 0) return new Map();
  const rows = await queryRows<{ t: string; f: string }>(
    db,
    sql`select t, vn_fold(t) as f from unnest(${sql.param(texts)}::text[]) as t`,
  );
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** The catalogue of procedures, with folded names (few hundred rows). */
export async function findProcedures(db: DbOrTx) {
  return db
    .select({
      id: procedures.id,
      code: procedures.code,
      name: procedures.name,
      foldName: sql<string>`vn_fold(${procedures.name})`,
      active: procedures.active,
      inPersonOnly: procedures.inPersonOnly,
      feeVnd: procedures.feeVnd,
      postalChargeVnd: procedures.postalChargeVnd,
    })
    .from(procedures);
}

/** Citizens with these phones in these units, oldest first. */
export async function findCitizensByPhones(db: DbOrTx, phones: string[], unitIds: string[]) {
  if (phones.length === 0 || unitIds.length === 0) return [];
  return db
    .select({ id: citizens.id, phone: citizens.phone, unitId: citizens.unitId })
    .from(citizens)
    .where(and(inArray(citizens.phone, phones), inArray(citizens.unitId, unitIds)))
    .orderBy(citizens.createdAt, citizens.id);
}

/** Saved addresses with a position of these citizens. */
export async function findPlacedAddresses(db: DbOrTx, citizenIds: string[]) {
  if (citizenIds.length === 0) return [];
  return db
    .select({
      citizenId: citizenAddresses.citizenId,
      addressText: citizenAddresses.addressText,
      wardCode: citizenAddresses.wardCode,
      lat: citizenAddresses.lat,
      lng: citizenAddresses.lng,
    })
    .from(citizenAddresses)
    .where(
      and(
        inArray(citizenAddresses.citizenId, citizenIds),
        isNotNull(citizenAddresses.lat),
        isNotNull(citizenAddresses.lng),
      ),
    );
}

/** Creates citizens in one statement; returns their ids in the order given. */
export async function insertCitizens(
  tx: Tx,
  values: { fullName: string; phone: string; unitId: string }[],
): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await tx
    .insert(citizens)
    .values(values)
    .returning({ id: citizens.id, phone: citizens.phone, unitId: citizens.unitId });
  const byKey = new Map(rows.map((r) => [`${r.unitId}|${r.phone}`, r.id]));
  return values.map((v) => byKey.get(`${v.unitId}|${v.phone}`)!);
}

export async function insertResultImport(tx: Tx, values: NewResultImportRow) {
  return (await tx.insert(resultImports).values(values).returning())[0]!;
}

export async function updateResultImport(
  tx: Tx,
  id: string,
  set: Partial<NewResultImportRow>,
): Promise<ResultImportRow> {
  return (await tx.update(resultImports).set(set).where(eq(resultImports.id, id)).returning())[0]!;
}

const recordColumns = {
  row: resultImports,
  unitName: units.name,
  userName: users.fullName,
  keyName: intakeApiKeys.name,
};

function recordQuery(db: DbOrTx) {
  return db
    .select(recordColumns)
    .from(resultImports)
    .innerJoin(units, eq(units.id, resultImports.unitId))
    .leftJoin(users, eq(users.id, resultImports.createdBy))
    .leftJoin(intakeApiKeys, eq(intakeApiKeys.id, resultImports.apiKeyId));
}

export type ImportRecordView = {
  row: ResultImportRow;
  unitName: string;
  userName: string | null;
  keyName: string | null;
};

/** One import with the names a list shows. */
export async function findImportRecord(
  db: DbOrTx,
  id: string,
): Promise<ImportRecordView | undefined> {
  return (await recordQuery(db).where(eq(resultImports.id, id)).limit(1))[0];
}

/** Imports of these units, newest first, and how many there are. */
export async function findImportRecords(
  db: DbOrTx,
  unitIds: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ items: ImportRecordView[]; total: number }> {
  const where = inArray(resultImports.unitId, [...unitIds]);
  const items = await recordQuery(db)
    .where(where)
    .orderBy(desc(resultImports.createdAt), desc(resultImports.id))
    .limit(page.limit)
    .offset(page.offset);
  const [row] = await db.select({ n: count() }).from(resultImports).where(where);
  return { items, total: Number(row?.n ?? 0) };
}

/** Earlier imports of the same file (same SHA-256) in these units. */
export async function findImportsBySha(db: DbOrTx, sha: string, unitIds: readonly string[]) {
  return recordQuery(db)
    .where(and(eq(resultImports.fileSha256, sha), inArray(resultImports.unitId, [...unitIds])))
    .orderBy(desc(resultImports.createdAt))
    .limit(20);
}

/** The wards these units serve (a sample export delivers there). */
export async function findServedWards(db: DbOrTx, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ code: adminWards.code, name: adminWards.name, fullName: adminWards.fullName })
    .from(unitServiceWards)
    .innerJoin(adminWards, eq(adminWards.code, unitServiceWards.wardCode))
    .where(inArray(unitServiceWards.unitId, [...unitIds]))
    .orderBy(adminWards.code);
}

/**
 * Callers of these units with a saved address that has a position in a ward their office
 * serves (a sample export sends some results to them).
 */
export async function findKnownRecipients(db: DbOrTx, unitIds: readonly string[], limit = 200) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      fullName: citizens.fullName,
      phone: citizens.phone,
      addressText: citizenAddresses.addressText,
      wardFullName: adminWards.fullName,
    })
    .from(citizenAddresses)
    .innerJoin(citizens, eq(citizens.id, citizenAddresses.citizenId))
    .innerJoin(
      unitServiceWards,
      and(
        eq(unitServiceWards.wardCode, citizenAddresses.wardCode),
        eq(unitServiceWards.unitId, citizens.unitId),
      ),
    )
    .innerJoin(adminWards, eq(adminWards.code, citizenAddresses.wardCode))
    .where(
      and(
        inArray(citizens.unitId, [...unitIds]),
        isNotNull(citizenAddresses.lat),
        isNotNull(citizenAddresses.lng),
      ),
    )
    .orderBy(citizens.id, citizenAddresses.id)
    .limit(limit);
}

/** The active procedures, by code (a sample export's catalogue). */
export async function findActiveProcedures(db: DbOrTx) {
  return db
    .select({ code: procedures.code, name: procedures.name, inPersonOnly: procedures.inPersonOnly })
    .from(procedures)
    .where(eq(procedures.active, true))
    .orderBy(procedures.code);
}
