import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/client';
import { holidays } from '../../server/src/db/schema';
import { afterCommit, runTransaction } from '../../server/src/lib/unit-of-work';
import { createTestDatabase } from '../support/test-db';

/*
 * Job changes and the dashboard's rollup rows are written together, so two busy
 * transactions can deadlock; PostgreSQL then aborts one. runTransaction runs it again, and
 * nothing of the aborted attempt (rows or after-commit notifications) survives.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const dbError = (code: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error(code), { code }) });

describe('runTransaction', () => {
  it('runs a transaction aborted for a deadlock again, keeping only the second attempt', async () => {
    const db = database.db;
    const told: string[] = [];
    let attempts = 0;
    const result = await runTransaction(db, async (tx) => {
      attempts++;
      const name = `Lần ${attempts}`;
      await tx.insert(holidays).values({ date: '2031-01-01', kind: 'holiday', name });
      afterCommit(tx, () => told.push(name));
      if (attempts === 1) throw dbError('40P01');
      return name;
    });
    expect(result).toBe('Lần 2');
    expect(attempts).toBe(2);
    expect(told).toEqual(['Lần 2']);
    const rows = await db.select().from(holidays).where(eq(holidays.date, '2031-01-01'));
    expect(rows.map((r) => r.name)).toEqual(['Lần 2']);
  });

  it('gives up after three aborted attempts, and never retries other errors', async () => {
    const db = database.db;
    let attempts = 0;
    await expect(
      runTransaction(db, async () => {
        attempts++;
        throw dbError('40001');
      }),
    ).rejects.toThrow('Failed query');
    expect(attempts).toBe(3);

    attempts = 0;
    await expect(
      runTransaction(db, async (tx) => {
        attempts++;
        await tx.insert(holidays).values({ date: '2031-01-02', kind: 'holiday', name: 'Một lần' });
        throw dbError('23505');
      }),
    ).rejects.toThrow('Failed query');
    expect(attempts).toBe(1);
    expect(await db.select().from(holidays).where(eq(holidays.date, '2031-01-02'))).toEqual([]);
  });
});
