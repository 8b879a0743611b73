import { buildTestApp, type TestApp } from './app';
import { createOrgFixture, createUser } from './factories';

export type OrgFixture = Awaited<ReturnType<typeof createOrgFixture>>;
export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** A fresh app on its own database with the standard units and staff (most API files start so). */
export async function buildOrgApp(): Promise<{ t: TestApp; org: OrgFixture }> {
  const t = await buildTestApp();
  return { t, org: await createOrgFixture(t.database.db) };
}

/** {@link buildOrgApp} plus an admin of the top unit (province-wide rights). */
export async function buildOrgAppWithProvinceAdmin(): Promise<{
  t: TestApp;
  org: OrgFixture;
  provinceAdmin: TestUser;
}> {
  const { t, org } = await buildOrgApp();
  return { t, org, provinceAdmin: await createUser(t.database.db, 'admin', org.province.id) };
}
