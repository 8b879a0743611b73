import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { generateDemoPassword, seedDemoData } from '../../server/src/demo/demo-seed';
import { buildTestApp } from '../support/app';

describe('demo passwords', () => {
  it('are 16 random readable characters', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generateDemoPassword()));
    expect(seen.size).toBe(50);
    for (const p of seen) {
      expect(p).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(p.replace(/-/g, '')).toHaveLength(16);
      expect(p).not.toMatch(/[01ilo]/);
    }
  });

  it('refuses a DEMO_PASSWORD shorter than 16 characters', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-demo-'));
    expect(() => loadConfig({ DATA_DIR: dataDir, DEMO_PASSWORD: 'demo-Pass-1022' })).toThrow(
      /DEMO_PASSWORD must be at least 16 characters/,
    );
  });

  it('gives every demo account its own password, admin included, kept for the owner only', async () => {
    const t = await buildTestApp();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-demo-'));
    const seeded = await seedDemoData(t.database.db, { dataDir });
    expect(seeded.logins.kind).toBe('per_user');
    if (seeded.logins.kind !== 'per_user') return;
    const logins = seeded.logins.logins;
    expect(logins.map((l) => l.username)).toContain('admin');
    expect(new Set(logins.map((l) => l.password)).size).toBe(logins.length);
    for (const l of logins) expect(l.password.replace(/-/g, '').length).toBeGreaterThanOrEqual(16);
    const file = path.join(dataDir, 'demo-passwords');
    expect(statSync(file).mode & 0o077).toBe(0);
    const admin = logins.find((l) => l.username === 'admin')!;
    expect(readFileSync(file, 'utf8')).toContain(`admin ${admin.password}`);
    const manager = logins.find((l) => l.username === 'manager1')!;
    const wrong = await request(t.app)
      .post('/api/auth/login')
      .send({ username: 'admin', password: manager.password });
    expect(wrong.status).toBe(401);
    const right = await request(t.app)
      .post('/api/auth/login')
      .send({ username: 'admin', password: admin.password });
    expect(right.status).toBe(200);
    const again = await seedDemoData(t.database.db, { dataDir });
    expect(again).toEqual({ seededNow: false, logins: seeded.logins });
    await t.close();
  }, 240_000);
});
