import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layout rules of eslint.config.js (issue 10) stay honest: each one reports a planted
// violation. Files are linted from text under a made-up path, nothing is written to disk.
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function rulesReported(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first file linted in each package builds that package's resolver (seconds when the cores
// are busy), so each test gets a minute rather than the unit tests' default five seconds.
describe('layout lint', { timeout: 60_000 }, () => {
  // The first lint loads the config and its plugins (seconds on a busy 2-core machine): do it once, untimed by the tests.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'server/src/lib/warm-up.ts' });
  }, 120_000);

  it('web features import neither each other (aliased or relative) nor the app shell', async () => {
    const file = 'web/src/features/plans/planted.ts';
    for (const from of ['@/features/jobs/api', '../operator/components/x', '../../app/router'])
      expect(await rulesReported(file, `export { x } from '${from}';\n`)).toContain(
        'layout/web-boundaries',
      );
    expect(await rulesReported(file, `export { x } from './components/x';\n`)).toEqual([]);
  });

  it('shared/ imports nothing from server/ or web/ and no undeclared package', async () => {
    const file = 'shared/src/planted.ts';
    for (const from of ['../../server/src/lib/http', 'node:fs'])
      expect(await rulesReported(file, `export { x } from '${from}';\n`)).toContain(
        'layout/shared-boundaries',
      );
    expect(await rulesReported(file, `export { z } from 'zod';\n`)).toEqual([]);
  });

  it("a module does not import another module's repository", async () => {
    const file = 'server/src/modules/plans/planted.ts';
    expect(await rulesReported(file, `export { x } from '../jobs/jobs.repository';\n`)).toContain(
      'layout/no-foreign-repository',
    );
    expect(await rulesReported(file, `export { x } from './plans.repository';\n`)).toEqual([]);
  });

  it('queries stay in *.repository.ts', async () => {
    const code = [
      "import { eq } from 'drizzle-orm';",
      "import { jobs } from '../../db/schema';",
      "import type { Db } from '../../db/client';",
      'export const q = (db: Db) => db.select().from(jobs).where(eq(jobs.id, "x"));',
      '',
    ].join('\n');
    const service = await rulesReported('server/src/modules/plans/planted.service.ts', code);
    expect(service.filter((r) => r === 'layout/no-query-outside-repository')).toHaveLength(3);
    expect(await rulesReported('server/src/modules/plans/planted.repository.ts', code)).toEqual([]);
  });

  it('no module-level mutable registries in the server', async () => {
    const code = 'export const hooks = new Map<string, () => void>();\n';
    expect(await rulesReported('server/src/modules/jobs/planted.ts', code)).toEqual([
      'layout/no-module-state',
    ]);
    expect(
      await rulesReported(
        'server/src/modules/jobs/planted.ts',
        "export const S = new Set(['a']);\n",
      ),
    ).toEqual([]);
  });
});
