import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrationsFolder, openDatabase, type Database } from '../../server/src/db/client';

/**
 * A migrated embedded database as a tarball, built once per set of migrations and shared
 * by every test file: starting from it is several times faster than initdb + migrations.
 */
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(full));
  }
  const file = path.join(tmpdir(), `tn-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const fresh = await openDatabase({ inMemory: true });
  await fresh.migrate();
  const dump = await fresh.dump!();
  await fresh.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Written under a unique name then renamed, so parallel test files never read half a file.
  const partial = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return new Blob([bytes]);
}

/** Creates database `name` on the PostgreSQL server at `serverUrl`; returns its URL. */
export async function createServerDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return serverDatabaseUrl(serverUrl, name);
}

/** The URL of database `name` on the server at `serverUrl`. */
export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` on the server at `serverUrl`, closing what is still connected to it. */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped by
 * `close`), so the same suite runs on both and no test sees another's leftovers.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ inMemory: true, loadDataDir: await pgliteTemplate() });
    // Applies nothing when the template is current; kept so a stale template cannot hide a migration.
    await database.migrate();
    return database;
  }
  const name = `tn_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = await createServerDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await dropServerDatabase(serverUrl, name);
    },
  };
}
