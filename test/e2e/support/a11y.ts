import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { BrowserContext, Page } from 'playwright-core';

/** axe-core's own (minified) script, injected over the DevTools protocol (not bound by CSP). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What every user meets: only these two impacts fail a run (minor and moderate are advice). */
const FAILING = new Set(['serious', 'critical']);

/** Time a page is left alone after reaching a route before it is checked (data loaded, lazy chunks in). */
const SETTLE_MS = 1_500;

/**
 * Markup of outside libraries the app does not write; each entry says why it is left out.
 * - Leaflet's attribution bar: its links and separators are Leaflet's own, drawn over the tiles.
 * - Leaflet's tile and marker panes: background imagery with no text; the app's own list beside
 *   the map is what the user reads (and is checked).
 */
const EXCLUDE = [['.leaflet-control-attribution'], ['.leaflet-tile-pane']];

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

export type A11yAudit = {
  /** Follows a page: every distinct route it reaches is checked once, when the page has settled. */
  watch: (page: Page, phone: boolean) => void;
  /** Follows every page of a browser, the first one and any it opens later. */
  watchContext: (context: BrowserContext, phone: boolean) => void;
  /** Checks the routes the open pages are on and not yet checked, and waits for running checks. */
  flush: () => Promise<void>;
  /** Serious and critical violations found so far, one readable line each. */
  violations: () => string[];
  /** How many routes were checked, and how long the checks took (ms). */
  stats: () => { routes: number; ms: number };
};

/**
 * A route as a person names a screen: the pathname with every segment that carries a digit
 * (ids, job and dossier codes) replaced by `:id`, and `phone` when seen on a phone.
 */
export function routeKey(url: string, phone: boolean): string | null {
  let pathname: string;
  try {
    const u = new URL(url);
    if (!u.protocol.startsWith('http')) return null;
    pathname = u.pathname;
  } catch {
    return null;
  }
  const route = pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) ? ':id' : segment))
    .join('/');
  return phone ? `${route} (phone)` : route;
}

/** The page is gone or moved on while being checked: try again on the next visit. */
function isGone(error: unknown): boolean {
  return /closed|destroyed|Target|navigation|detached|crashed/i.test(String(error));
}

/**
 * Accessibility checks with axe-core on every page the browser tests visit, once per distinct
 * route per test file; violations are collected for the file's `afterAll` to assert.
 */
export function createA11yAudit(): A11yAudit {
  const checked = new Set<string>();
  const running = new Set<Promise<void>>();
  const pages = new Map<Page, boolean>();
  const timers = new Map<Page, ReturnType<typeof setTimeout>>();
  const found: string[] = [];
  let ms = 0;

  async function check(page: Page, route: string): Promise<void> {
    if (checked.has(route) || page.isClosed()) return;
    checked.add(route);
    const started = Date.now();
    try {
      // The app's own loading states ("Đang tải…") gone: the screen has its content.
      await page
        .waitForFunction(
          () =>
            ![...document.querySelectorAll('[role="status"]')].some((el) =>
              /^(Đang tải|Loading)/.test(el.textContent?.trim() ?? ''),
            ),
          undefined,
          { timeout: 5_000, polling: 250 },
        )
        .catch((error: unknown) => {
          if (isGone(error)) throw error;
        });
      const hasAxe = await page.evaluate(() => 'axe' in window);
      if (!hasAxe) await page.evaluate(AXE_SOURCE);
      const result = (await page.evaluate(
        (exclude) =>
          (
            window as unknown as {
              axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
            }
          ).axe.run(
            { include: [['html']], exclude },
            { resultTypes: ['violations'], preload: false, restoreScroll: true, iframes: false },
          ),
        EXCLUDE,
      )) as { violations: AxeViolation[] };
      for (const v of result.violations) {
        if (!FAILING.has(v.impact ?? '')) continue;
        const targets = v.nodes
          .slice(0, 5)
          .map((n) => n.target.map(String).join(' > '))
          .join(' | ');
        const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
        found.push(`${route}: [${v.id}] ${v.impact} — ${v.help} — ${targets}${more}`);
      }
    } catch (error) {
      // Navigated away or closed mid-check: the route is checked on its next visit instead.
      if (isGone(error)) checked.delete(route);
      else throw error;
    } finally {
      ms += Date.now() - started;
    }
  }

  function start(page: Page, route: string): void {
    const p = check(page, route).catch((error: unknown) => {
      found.push(`${route}: the accessibility check itself failed: ${String(error)}`);
    });
    running.add(p);
    void p.finally(() => running.delete(p));
  }

  function schedule(page: Page): void {
    clearTimeout(timers.get(page));
    timers.set(
      page,
      setTimeout(() => {
        timers.delete(page);
        const route = routeKey(page.url(), pages.get(page) ?? false);
        if (route && !checked.has(route)) start(page, route);
      }, SETTLE_MS),
    );
  }

  function watch(page: Page, phone: boolean): void {
    if (pages.has(page)) return;
    pages.set(page, phone);
    // Also fired for the app's own history changes (same-document navigations).
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) schedule(page);
    });
    page.on('close', () => {
      clearTimeout(timers.get(page));
      timers.delete(page);
      pages.delete(page);
    });
  }

  return {
    watch,
    watchContext: (context, phone) => {
      for (const page of context.pages()) watch(page, phone);
      context.on('page', (page) => watch(page, phone));
    },
    flush: async () => {
      for (const [page, phone] of pages) {
        clearTimeout(timers.get(page));
        timers.delete(page);
        const route = routeKey(page.url(), phone);
        if (route && !checked.has(route) && !page.isClosed()) start(page, route);
      }
      while (running.size > 0) await Promise.all([...running]);
    },
    violations: () => [...found],
    stats: () => ({ routes: checked.size, ms }),
  };
}
