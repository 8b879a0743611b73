import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database handle services use: PGlite and node-postgres share this interface. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories take `DbOrTx` so services own the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Round-trip to the database (for /readyz). */
  ping: () => Promise<void>;
  /** Applies pending migrations; safe at every start and from several nodes at once. */
  migrate: () => Promise<void>;
  /** Embedded only: the whole data directory as a tarball (test templates, backups). */
  dump?: () => Promise<Blob | File>;
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

/** Raised when the database cannot be reached or opened; start-up prints it and exits. */
export class DatabaseUnavailableError extends Error {}

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is set, otherwise embedded
 * PGlite persisted under `dataDir/pglite` (or in memory for tests with `inMemory`). The
 * embedded database is single-process: a lock file refuses a second process on the same
 * directory, because two writers would corrupt it.
 */
export async function openDatabase(opts: {
  /** postgres://… for a PostgreSQL server; undefined for embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (ignored for a server or in memory). */
  dataDir?: string;
  /** Embedded database in memory only (tests). */
  inMemory?: boolean;
  /** Pool size for a server. */
  poolSize?: number;
  /** Start the embedded database from a dump (tests start from a migrated template). */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(
    opts.inMemory ? undefined : path.join(opts.dataDir ?? './data', 'pglite'),
    opts.loadDataDir,
  );
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // Without a listener an idle client's network error would crash the process.
  pool.on('error', () => undefined);
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `Cannot reach the PostgreSQL server at ${redactUrl(url)}: ${(err as Error).message || (err as { code?: string }).code}. Check DATABASE_URL and that the server is running.`,
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: async () => {
      // Several server nodes may start together: a session advisory lock on one
      // connection makes them take turns; the later ones find nothing to apply.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(1022001)');
        await migratePg(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(1022001)').catch(() => undefined);
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}

async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  let releaseLock = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    releaseLock = acquireLock(path.join(path.dirname(dir), 'pglite.lock'));
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir ?? 'memory://', {
      extensions: { unaccent, pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (err) {
    releaseLock();
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${dir}: ${(err as Error).message}`,
    );
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      if (closed) throw new Error('database closed');
      await client.query('select 1');
    },
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      releaseLock();
    },
  };
}

function acquireLock(file: string): () => void {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseUnavailableError(
        `The embedded database in ${path.dirname(file)} is already in use by process ${pid}. ` +
          'Stop that server first, or set DATA_DIR to another folder (two processes on one embedded database would corrupt it).',
      );
    }
    unlinkSync(file);
  }
  const fd = openSync(file, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
