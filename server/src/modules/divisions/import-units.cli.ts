/**
 * Imports administrative units from a JSON file into the configured database:
 *
 *   tsx server/src/modules/divisions/import-units.cli.ts <file.json> [--effective-date YYYY-MM-DD]
 *
 * Uses the same environment as the server (DATABASE_URL, or the embedded database in
 * DATA_DIR — stop the server first then, the embedded database takes one process). One
 * transaction; running it again with the same file changes nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { toVnDate } from '@tannha/shared';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import {
  ADMIN_UNITS_MAX_BYTES,
  effectiveDateFromName,
  importAdminUnits,
} from './divisions.service';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const dateIdx = args.indexOf('--effective-date');
  const explicitDate = dateIdx >= 0 ? args[dateIdx + 1] : undefined;
  if (!file) {
    console.error(
      'usage: tsx server/src/modules/divisions/import-units.cli.ts <file.json> [--effective-date YYYY-MM-DD]',
    );
    process.exit(2);
  }
  if (statSync(file).size > ADMIN_UNITS_MAX_BYTES) {
    console.error(
      `${file} is larger than ${ADMIN_UNITS_MAX_BYTES / 1024 / 1024} MB; is it the right file?`,
    );
    process.exit(2);
  }
  const effectiveDate =
    explicitDate ?? effectiveDateFromName(path.basename(file)) ?? toVnDate(new Date());
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const result = await importAdminUnits(database.db, readFileSync(file, 'utf8'), {
      effectiveDate,
      onWritten: (tx, counts) =>
        recordAudit(tx, {
          actorId: null,
          action: 'admin_units.import',
          entityType: 'admin_units',
          entityId: effectiveDate,
          after: { ...counts, fileName: path.basename(file), via: 'cli' },
        }),
    });
    console.log(
      `Imported administrative units effective ${result.effectiveDate}: provinces ${result.provinces.inserted} new, ${result.provinces.updated} updated; ` +
        `wards ${result.wards.inserted} new, ${result.wards.updated} updated.`,
    );
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.text.en);
      for (const p of (
        (err.extra?.problems as
          { line: number | null; field: string; message: string }[] | undefined) ?? []
      ).slice(0, 20)) {
        console.error(`  line ${p.line ?? '?'}: ${p.field}: ${p.message}`);
      }
      process.exitCode = 1;
    } else throw err;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
