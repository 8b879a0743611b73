import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll } from 'vitest';

import { createA11yAudit } from './a11y';
import { openBrowser, type BrowserOptions, type TestBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/** Where the browser tests keep their screenshots (test/e2e/__screenshots__). */
export const SCREENSHOTS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '__screenshots__',
);

/** A phone in the hand of a courier or a citizen. */
export const PHONE: BrowserOptions = { viewport: { width: 390, height: 844 }, mobile: true };

export type BrowserSuite = {
  /** Opens a fresh browser on the file's server; it is closed when the file is done. */
  browse: (options?: BrowserOptions) => Promise<TestBrowser>;
};

/**
 * The opening every browser-test file shares: before its tests, the screenshot folder
 * `shots` (when given) and a real server with demo data; after them, every browser opened
 * through `browse` closed and the server stopped. Call it at the top of the file.
 *
 * Every page those browsers reach is checked for accessibility with axe-core, once per
 * distinct route in the file (./a11y); after the tests, any serious or critical violation
 * fails the file with the rule, the elements and the route.
 */
export function useServer(shots?: string): BrowserSuite {
  let server: RunningServer | undefined;
  const browsers: TestBrowser[] = [];
  const audit = createA11yAudit();
  beforeAll(async () => {
    if (shots) await mkdir(shots, { recursive: true });
    server = await startServer();
  });
  afterAll(async () => {
    await audit.flush().catch(() => undefined);
    await Promise.all(browsers.map((b) => b.close()));
    await server?.stop();
    const { routes, ms } = audit.stats();
    process.stdout.write(
      `  accessibility: ${routes} routes checked in ${(ms / 1000).toFixed(1)} s\n`,
    );
    const violations = audit.violations();
    if (violations.length > 0)
      throw new Error(
        `Accessibility (axe-core): ${violations.length} serious or critical violation(s):\n  ${violations.join('\n  ')}`,
      );
  });
  return {
    browse: async (options = {}) => {
      if (!server) throw new Error('useServer: the server is not started yet');
      const b = await openBrowser({ ...options, baseURL: server.baseURL, audit });
      browsers.push(b);
      return b;
    },
  };
}

/**
 * {@link useServer} for a file whose tests share one browser, opened before them: the
 * returned object's `browser` is that browser once the tests run.
 */
export function useServerWithBrowser(
  shots?: string,
  options?: BrowserOptions,
): BrowserSuite & { readonly browser: TestBrowser } {
  const suite = useServer(shots);
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await suite.browse(options);
  });
  return {
    browse: suite.browse,
    get browser() {
      if (!browser) throw new Error('useServerWithBrowser: the browser is not open yet');
      return browser;
    },
  };
}
