import { foldVietnamese, toVnDate } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { effectiveDateFromName, invalidFileError, parseAdminUnitsFile } from './divisions.file';
import * as repo from './divisions.repository';

export { ADMIN_UNITS_MAX_BYTES, effectiveDateFromName } from './divisions.file';

export type ImportCounts = {
  provinces: { inserted: number; updated: number };
  wards: { inserted: number; updated: number };
};

/**
 * Imports a whole file in one transaction (upsert by code, so running it again changes
 * nothing but the timestamps); a file with any problem is refused before anything is
 * written. `onWritten` runs inside the transaction (the audit record).
 */
export async function importAdminUnits(
  db: Db,
  text: string,
  opts: { effectiveDate: string; onWritten?: (tx: DbOrTx, counts: ImportCounts) => Promise<void> },
): Promise<ImportCounts & { effectiveDate: string }> {
  const parsed = parseAdminUnitsFile(text);
  if (parsed.problems.length > 0) throw invalidFileError(parsed.problems);
  return db.transaction(async (tx) => {
    const provinces = await repo.upsertDivisions(
      tx,
      'admin_provinces',
      parsed.provinces,
      opts.effectiveDate,
    );
    const wards = await repo.upsertDivisions(tx, 'admin_wards', parsed.wards, opts.effectiveDate);
    const counts = { provinces, wards };
    await opts.onWritten?.(tx, counts);
    return { ...counts, effectiveDate: opts.effectiveDate };
  });
}

/**
 * An admin's upload of the national list (audited). The effective date is the one asked
 * for, else the one in the file name, else today.
 */
export async function importDivisionsUpload(
  db: Db,
  auth: AuthContext,
  text: string,
  opts: {
    effectiveDate?: string | undefined;
    fileName?: string | undefined;
    ip?: string | undefined;
  },
) {
  assertCan(auth, 'divisions.import');
  const effectiveDate =
    opts.effectiveDate ?? effectiveDateFromName(opts.fileName) ?? toVnDate(new Date());
  return importAdminUnits(db, text, {
    effectiveDate,
    onWritten: (tx, counts) =>
      recordAudit(tx, {
        actorId: auth.user.id,
        action: 'admin_units.import',
        entityType: 'admin_units',
        entityId: effectiveDate,
        after: { ...counts, fileName: opts.fileName ?? null },
        ip: opts.ip,
      }),
  });
}

/** Every province with its number of wards. */
export async function listProvinces(db: Db) {
  return { items: await repo.findProvinces(db) };
}

/** Wards for address pickers: by province, by a name typed without diacritics. */
export async function listWards(
  db: Db,
  q: { provinceCode?: string | undefined; q?: string | undefined; limit: number },
) {
  const folded = q.q ? foldVietnamese(q.q) : undefined;
  return {
    items: await repo.findWards(db, { provinceCode: q.provinceCode, folded, limit: q.limit }),
  };
}
