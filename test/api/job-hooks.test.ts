import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPath, type Job } from '@tannha/shared';
import { createApp, defaultJobHooks } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { AppError } from '../../server/src/lib/errors';
import {
  createJobHooks,
  type JobHook,
  type JobHooks,
} from '../../server/src/modules/jobs/jobs.service';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/factories';
import { createJobsFixture, jobBody } from '../support/jobs-factories';
import { createTestDatabase } from '../support/test-db';

/** An app like buildTestApp's, but with the job hooks given. */
async function appWithHooks(jobHooks: JobHooks): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-test-')),
    PUBLIC_BASE_URL: 'http://localhost:3000',
  });
  const app = createApp({ database, config, jobHooks });
  return { app, database, config, close: () => database.close() };
}

/** Creates a fee_collection job with money due, walks it to just before `completed`, then tries to complete it. */
async function tryToComplete(t: TestApp) {
  const f = await createJobsFixture(t.database.db);
  const [operator, dispatcher, courier] = await Promise.all([
    loginAs(t.app, f.inA.operator.username, TEST_PASSWORD),
    loginAs(t.app, f.inA.dispatcher.username, TEST_PASSWORD),
    loginAs(t.app, f.courier1.username, TEST_PASSWORD),
  ]);
  const created = await operator
    .post('/api/jobs')
    .send(jobBody(f, { type: 'fee_collection', feeDueVnd: 50_000 }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const job = created.body as Job;
  const assigned = await dispatcher
    .post(`/api/jobs/${job.id}/assign`)
    .send({ courierId: f.courier1.id });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  const steps = jobPath('fee_collection');
  for (const to of steps.slice(steps.indexOf('assigned') + 1, steps.indexOf('completed'))) {
    const res = await courier.post(`/api/jobs/${job.id}/transitions`).send({ to });
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return courier.post(`/api/jobs/${job.id}/transitions`).send({ to: 'completed' });
}

const seen: string[] = [];
/** A hook only the "strict" app has: it refuses every completion and notes each call. */
const refuseCompleting: JobHook = {
  name: 'refuse-completing',
  transitioned(_tx, job, event) {
    seen.push(`${job.code}:${event.toStatus}`);
    if (event.toStatus === 'completed')
      throw new AppError(409, 'completion_refused', {
        vi: 'Không cho hoàn tất.',
        en: 'No completing.',
      });
  },
};

let strict: TestApp;
let bare: TestApp;
let standard: TestApp;

beforeAll(async () => {
  // Built in this order on purpose: with a process-wide registry the last app built would win.
  strict = await appWithHooks(createJobHooks([refuseCompleting]));
  bare = await appWithHooks(createJobHooks([]));
  standard = await buildTestApp();
  expect(defaultJobHooks(standard.config).map((h) => h.name)).toEqual([
    'payments',
    'reports',
    'notifications',
  ]);
});
afterAll(async () => {
  await Promise.all([strict?.close(), bare?.close(), standard?.close()]);
});

describe('job hooks belong to the app that was built with them', () => {
  it('an app without hooks lets a courier complete with money due (no fee rule, no refusal)', async () => {
    const before = seen.length;
    const res = await tryToComplete(bare);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.job.status).toBe('completed');
    expect(seen.length).toBe(before);
  });

  it('the app with the refusing hook refuses completing, and only its own jobs reach the hook', async () => {
    const res = await tryToComplete(strict);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('completion_refused');
    expect(seen.at(-1)).toMatch(/:completed$/);
  });

  it('the standard app keeps the fee rule and never runs the other app’s hook', async () => {
    const before = seen.length;
    const res = await tryToComplete(standard);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('fees_not_collected');
    expect(seen.length).toBe(before);
  });
});
