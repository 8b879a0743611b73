/**
 * Phone audit of the pages people open on a slow network: Lighthouse (its default mobile
 * settings: simulated slow 4G, a mid-range phone's CPU) on /login, /courier (signed in as a
 * courier) and a dossier's public tracking page, one line per page:
 *
 *   web: /courier performance 92, accessibility 100, best practices 100, LCP 1.9 s, 118 KiB
 *
 *   npm run bench:web [-- --runs 3]
 *
 * The web app is built first when stale; the server is the real one (`server/src/main.ts`)
 * on a free port with the demo data on the embedded database in a fresh data directory.
 * KiB is every byte the page transferred (headers and compressed bodies) until it was idle.
 * With --runs N each page is audited N times and the median performance run is printed.
 * Goal: performance ≥ 90, accessibility 100, best practices ≥ 95, LCP ≤ 2.5 s.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_PASSWORD, startServer } from '../e2e/support/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const COURIER = 'courier1';
/** A demo dossier the tracking page finds (the receipt of the demo's first job). */
const TRACKING_CODE = 'TNDEMO0001';
const GOALS = { performance: 90, accessibility: 100, bestPractices: 95, lcpSeconds: 2.5 };

type PageResult = {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpSeconds: number;
  kib: number;
};

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The courier's session cookie, from the same login the login form sends. */
async function courierCookie(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: COURIER, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`courier login failed: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) throw new Error('courier login set no cookie');
  return cookies.join('; ');
}

function score(value: number | null | undefined): number {
  return Math.round((value ?? 0) * 100);
}

async function audit(
  port: number,
  url: string,
  pagePath: string,
  cookie: string | undefined,
): Promise<PageResult> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    // Lighthouse's default configuration: the mobile phone on simulated slow 4G.
    undefined,
  );
  if (!result) throw new Error(`no Lighthouse result for ${pagePath}`);
  const { categories, audits } = result.lhr;
  if (result.lhr.runtimeError) {
    throw new Error(
      `${pagePath}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
    );
  }
  return {
    path: pagePath,
    performance: score(categories['performance']?.score),
    accessibility: score(categories['accessibility']?.score),
    bestPractices: score(categories['best-practices']?.score),
    lcpSeconds: (audits['largest-contentful-paint']?.numericValue ?? 0) / 1000,
    kib: Math.round((audits['total-byte-weight']?.numericValue ?? 0) / 1024),
  };
}

function line(r: PageResult): string {
  return (
    `web: ${r.path} performance ${r.performance}, accessibility ${r.accessibility}, ` +
    `best practices ${r.bestPractices}, LCP ${r.lcpSeconds.toFixed(1)} s, ${r.kib} KiB`
  );
}

function meetsGoals(r: PageResult): boolean {
  return (
    r.performance >= GOALS.performance &&
    r.accessibility >= GOALS.accessibility &&
    r.bestPractices >= GOALS.bestPractices &&
    r.lcpSeconds <= GOALS.lcpSeconds
  );
}

async function main(): Promise<void> {
  const runs = argNumber('runs', 1);
  const build = spawnSync(process.execPath, ['web/scripts/build-if-stale.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the web build failed');

  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const cookie = await courierCookie(server.baseURL);
    const pages: { path: string; cookie?: string }[] = [
      { path: '/login' },
      { path: '/courier', cookie },
      { path: `/tra-cuu/${TRACKING_CODE}` },
    ];
    const results: PageResult[] = [];
    for (const page of pages) {
      const tries: PageResult[] = [];
      for (let i = 0; i < runs; i++) {
        tries.push(await audit(chrome.port, server.baseURL + page.path, page.path, page.cookie));
      }
      tries.sort((a, b) => a.performance - b.performance);
      const median = tries[Math.floor(tries.length / 2)] as PageResult;
      results.push(median);
      console.log(line(median));
    }
    const missed = results.filter((r) => !meetsGoals(r)).map((r) => r.path);
    console.log(
      missed.length === 0
        ? 'web: every page meets the goal (performance ≥ 90, accessibility 100, best practices ≥ 95, LCP ≤ 2.5 s)'
        : `web: below the goal on ${missed.join(', ')} (performance ≥ 90, accessibility 100, best practices ≥ 95, LCP ≤ 2.5 s)`,
    );
  } finally {
    chrome.kill();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
