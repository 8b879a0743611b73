import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/client';
import { createTestDatabase } from './test-db';

export type TestApp = {
  app: Express;
  database: Database;
  config: Config;
  close: () => Promise<void>;
};

/** Builds the real app on a fresh database, as `main.ts` does, minus listening. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'http://localhost:3000',
    ...env,
  });
  const app = createApp({ database, config });
  return { app, database, config, close: () => database.close() };
}

/** A supertest agent that keeps cookies, logged in as `username`. */
export async function loginAs(app: Express, username: string, password: string) {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}
