import type { Db } from '../../server/src/db/client';
import { buildTestApp, loginAs, type TestApp } from './app';
import { createOrgFixture, createUser, TEST_PASSWORD } from './factories';
import { createCourierFixture } from './courier-factories';
import { createJobsFixture, jobsStaff, type JobsFixture, type JobsRole } from './jobs-factories';

export type OrgFixture = Awaited<ReturnType<typeof createOrgFixture>>;
export type TestUser = Awaited<ReturnType<typeof createUser>>;
/** A supertest agent that keeps its session cookie. */
export type Agent = Awaited<ReturnType<typeof loginAs>>;

/**
 * A fresh app on its own database with the data `build` writes (most API files start so),
 * and one agent signed in (with the test password) for each user `signIn` names.
 */
export async function buildAppWith<F, K extends string = never>(
  build: (db: Db) => Promise<F>,
  signIn?: (f: F) => Record<K, { username: string }>,
): Promise<{ t: TestApp; f: F; agents: Record<K, Agent> }> {
  const t = await buildTestApp();
  const f = await build(t.database.db);
  const users = Object.entries<{ username: string }>(signIn?.(f) ?? {});
  const agents = await Promise.all(
    users.map(async ([key, u]) => [key, await loginAs(t.app, u.username, TEST_PASSWORD)] as const),
  );
  return { t, f, agents: Object.fromEntries(agents) as Record<K, Agent> };
}

/** A fresh app on its own database with the standard units and staff. */
export async function buildOrgApp(): Promise<{ t: TestApp; org: OrgFixture }> {
  const { t, f } = await buildAppWith(createOrgFixture);
  return { t, org: f };
}

/**
 * {@link buildOrgApp} plus an admin of the top unit (province-wide rights), and
 * `asProvinceAdmin()`: that admin's agent, signed in on first use and kept for the file
 * (sign-ins are rate-limited per address).
 */
export async function buildOrgAppWithProvinceAdmin(): Promise<{
  t: TestApp;
  org: OrgFixture;
  provinceAdmin: TestUser;
  asProvinceAdmin: () => Promise<Agent>;
}> {
  const { t, org } = await buildOrgApp();
  const provinceAdmin = await createUser(t.database.db, 'admin', org.province.id);
  let agent: Promise<Agent> | undefined;
  const asProvinceAdmin = () => (agent ??= loginAs(t.app, provinceAdmin.username, TEST_PASSWORD));
  return { t, org, provinceAdmin, asProvinceAdmin };
}

/**
 * A fresh app with the jobs fixture and the staff of unit A named in `roles` signed in
 * (`staff.courier` is courier1): the opening of the files that move jobs through the API.
 */
export async function buildJobsApp<R extends JobsRole>(
  ...roles: R[]
): Promise<{ t: TestApp; f: JobsFixture; staff: Record<R, Agent> }> {
  const { t, f, agents } = await buildAppWith(createJobsFixture, (fx) => {
    const all = jobsStaff(fx);
    return Object.fromEntries(roles.map((r) => [r, all[r]])) as Record<R, TestUser>;
  });
  return { t, f, staff: agents };
}

export type CourierFixture = Awaited<ReturnType<typeof createCourierFixture>>;

/** A fresh app with the courier fixture and its courier signed in: the files about the door step. */
export async function buildCourierApp(): Promise<{
  t: TestApp;
  fx: CourierFixture;
  courier: Agent;
}> {
  const { t, f, agents } = await buildAppWith(createCourierFixture, (fx) => ({
    courier: fx.courier,
  }));
  return { t, fx: f, courier: agents.courier };
}
