import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the real entry point and collects its output until it exits (or is stopped). */
function runServer(env: Record<string, string>, opts: { stopWhenReady?: boolean } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (opts.stopWhenReady && stdout.includes('is running at')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('server start-up', () => {
  it('refuses a bad PORT with one clear line and a non-zero exit', async () => {
    const r = await runServer({
      PORT: 'eighty',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-start-')),
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PORT must be a whole number between 1 and 65535 \(got "eighty"\)/);
  });

  it('refuses an unreachable DATABASE_URL with one clear line and a non-zero exit', async () => {
    const r = await runServer({
      PORT: String(await freePort()),
      DATABASE_URL: 'postgres://u:secret@127.0.0.1:9/none',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-start-')),
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Cannot reach the PostgreSQL server/);
    expect(r.stderr).not.toMatch(/secret/);
  });

  it('seeds the demo once, refuses a second process on the same data, and keeps the data on the next start', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-start-'));
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DEMO_PASSWORD: 'demo-Pass-1022-start',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('is running at')) resolve();
      });
    });
    expect(stdout).toMatch(/Demo data: written now/);
    expect(stdout).toMatch(/password for all: demo-Pass-1022-start/);
    expect(stdout).toMatch(/dispatcher1/);

    const second = await runServer({ ...env, PORT: String(await freePort()) });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/already in use by process/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const again = await runServer(env, { stopWhenReady: true });
    expect(again.stdout).toMatch(/Demo data: already present/);
    expect(again.code).toBe(0);
  }, 180_000);
});
