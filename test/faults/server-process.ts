import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(
    `${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

export type ServerProcess = {
  baseURL: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown code runs, as when the machine loses power. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop: () => Promise<void>;
};

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

// A cold start on a busy 2-core machine (WASM database, migrations) can take close to a minute.
const READY_TIMEOUT_MS = 150_000;

/**
 * Starts the real server (`node --import tsx server/src/main.ts`) on a free port with `env`
 * (DATA_DIR, DATABASE_URL…) and waits until `GET /readyz` answers 200.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DEMO_DATA: 'off',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    await until(
      'server ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
        const res = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(2_000) });
        return res.status === 200 ? true : undefined;
      },
      READY_TIMEOUT_MS,
      250,
    );
  } catch (err) {
    await kill();
    throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
  }
  return { baseURL, child, output: () => output, kill, stop };
}

/** Signs in and returns the session cookie to send with each request. */
export async function signIn(baseURL: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200)
    throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A JSON request with the session cookie; network errors come back as status 0. */
export async function call(
  baseURL: string,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers | undefined }> {
  try {
    const res = await fetch(baseURL + url, {
      method,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON.
    }
    return { status: res.status, body: parsed, headers: res.headers };
  } catch {
    return { status: 0, body: undefined, headers: undefined };
  }
}
