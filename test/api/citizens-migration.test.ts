import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../server/src/db/client';
import { citizens } from '../../server/src/db/schema';
import type { TestApp } from '../support/app';
import { buildOrgApp, type OrgFixture } from '../support/org-app';
import { createCall, createJob } from '../support/reports-factories';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  ({ t, org } = await buildOrgApp());
});
afterAll(async () => t?.close());

/** The statements of the migration that made a caller's unit required. */
function migrationStatements(): string[] {
  const text = readFileSync(path.join(migrationsFolder, '0012_citizen_unit.sql'), 'utf8');
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

describe('migration 0012: every caller belongs to a unit', () => {
  it('holds NOT NULL on the unit of a caller', async () => {
    await expect(
      t.database.db.execute(
        sql`insert into citizens (full_name, phone) values ('Không đơn vị', '+84912999000')`,
      ),
    ).rejects.toThrow();
  });

  it('gives callers written before the rule the unit of their latest call or job, else the top unit', async () => {
    const db = t.database.db;
    const ex = (text: string) => db.execute(sql.raw(text));
    await ex('alter table citizens alter column unit_id drop not null');
    await ex('drop index citizens_unit_idx');
    const add = async (name: string) =>
      (
        await db
          .insert(citizens)
          .values({ fullName: name, phone: '+84912999001', unitId: org.unitA.id })
          .returning()
      )[0]!;
    const jobLast = await add('Gọi ở B, hồ sơ sau ở A');
    const callOnly = await add('Chỉ gọi ở B');
    const nothing = await add('Chưa gọi lần nào');
    const kept = await add('Đã có đơn vị');
    await ex(
      `update citizens set unit_id = null where id in ('${jobLast.id}', '${callOnly.id}', '${nothing.id}')`,
    );
    const hourAgo = new Date(Date.now() - 3_600_000);
    await createCall(db, { unitId: org.unitB.id, citizenId: jobLast.id, startedAt: hourAgo });
    await createJob(db, { unitId: org.unitA.id, citizenId: jobLast.id, createdAt: new Date() });
    await createCall(db, { unitId: org.unitB.id, citizenId: callOnly.id, startedAt: hourAgo });
    await createCall(db, { unitId: org.unitB.id, citizenId: kept.id, startedAt: new Date() });

    const statements = migrationStatements();
    expect(statements[statements.length - 2]).toMatch(/set not null/i);
    for (const s of statements) await ex(s);

    const units = new Map(
      (await db.select({ id: citizens.id, unitId: citizens.unitId }).from(citizens)).map((r) => [
        r.id,
        r.unitId,
      ]),
    );
    expect(units.get(jobLast.id)).toBe(org.unitA.id);
    expect(units.get(callOnly.id)).toBe(org.unitB.id);
    expect(units.get(nothing.id)).toBe(org.province.id);
    expect(units.get(kept.id)).toBe(org.unitA.id);
  });
});
