import { randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../server/src/db/client';
import { citizens, procedures, units, users } from '../../server/src/db/schema';
import { hashPassword } from '../../server/src/lib/password';
import type { Role } from '../../server/src/lib/http';

export const TEST_PASSWORD = 'test-Pass-1022';
let passwordHash: Promise<string> | undefined;
const uniq = () => randomBytes(4).toString('hex');

/** A unit (post office) with sensible defaults around Biên Hòa. */
export async function createUnit(db: Db, over: Partial<typeof units.$inferInsert> = {}) {
  const [row] = await db
    .insert(units)
    .values({
      code: `U-${uniq()}`,
      name: `Bưu cục ${uniq()}`,
      kind: 'post_office',
      address: 'Biên Hòa, Đồng Nai',
      lat: 10.95,
      lng: 106.82,
      ...over,
    })
    .returning();
  return row!;
}

/** A user with the test password (hashed once per file). */
export async function createUser(
  db: Db,
  role: Role,
  unitId: string,
  over: Partial<typeof users.$inferInsert> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({
      username: `${role}-${uniq()}`,
      fullName: `Người dùng ${role}`,
      role,
      unitId,
      passwordHash: await passwordHash,
      ...over,
    })
    .returning();
  return row!;
}

/**
 * The unit a citizen belongs to when a test does not say: the first post office written
 * (unit A of the org fixture), else the top unit, else a new post office.
 */
export async function defaultCitizenUnitId(db: Db): Promise<string> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .orderBy(sql`${units.parentId} is null`, asc(units.createdAt))
    .limit(1);
  return row?.id ?? (await createUnit(db)).id;
}

/** A citizen with a random mobile number (every file's caller or addressee). */
export async function createCitizen(db: Db, over: Partial<typeof citizens.$inferInsert> = {}) {
  const [row] = await db
    .insert(citizens)
    .values({
      fullName: 'Nguyễn Văn An',
      phone: `+8491${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      ...over,
      unitId: over.unitId ?? (await defaultCitizenUnitId(db)),
    })
    .returning();
  return row!;
}

/** A catalogue entry. */
export async function createProcedure(db: Db, over: Partial<typeof procedures.$inferInsert> = {}) {
  const [row] = await db
    .insert(procedures)
    .values({
      code: `P-${uniq()}`,
      name: 'Thủ tục mẫu',
      agency: 'Sở Tư pháp',
      field: 'Tư pháp',
      processingDays: 5,
      feeVnd: 100_000,
      postalChargeVnd: 26_000,
      requiredPapers: ['Tờ khai'],
      ...over,
    })
    .returning();
  return row!;
}

/** Two sibling post offices under one province office, with a user of each role in A. */
export async function createOrgFixture(db: Db) {
  const province = await createUnit(db, { kind: 'province_office', name: 'Bưu điện tỉnh' });
  const unitA = await createUnit(db, { parentId: province.id, name: 'Bưu cục A' });
  const unitB = await createUnit(db, { parentId: province.id, name: 'Bưu cục B' });
  const roles: Role[] = ['operator', 'dispatcher', 'courier', 'manager', 'admin'];
  const inA = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await createUser(db, r, unitA.id)] as const)),
  ) as Record<Role, typeof users.$inferSelect>;
  const dispatcherB = await createUser(db, 'dispatcher', unitB.id);
  const provinceManager = await createUser(db, 'manager', province.id);
  return { province, unitA, unitB, inA, dispatcherB, provinceManager };
}
