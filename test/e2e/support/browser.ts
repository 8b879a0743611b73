import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import type { A11yAudit } from './a11y';

/** Debian's Chromium; the tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';

// Headless, sandbox-free (containers) and quiet: no background calls to outside services, so a
// run behaves the same with or without a network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserOptions = {
  /** Defaults to a desktop 1366×900 window. */
  viewport?: { width: number; height: number };
  /** A phone: touch events and the mobile viewport meta tag honoured. */
  mobile?: boolean;
  /** Prepended to relative `page.goto` URLs. */
  baseURL?: string;
  /** More Chromium switches (a fake camera: `--use-file-for-fake-video-capture=…`). */
  args?: string[];
  /** Accessibility checks on every route the browser's pages reach (see ./a11y). */
  audit?: A11yAudit;
};

export type TestBrowser = {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged with console.error or threw uncaught, for assertions. */
  pageErrors: string[];
  close: () => Promise<void>;
};

/**
 * Starts Chromium with a fresh profile directory (no cookies or storage left from any other
 * run or test) and opens one page. `close` stops the browser and deletes the profile.
 */
export async function openBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'tannha-e2e-profile-'));
  const mobile = options.mobile ?? false;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1366, height: 900 },
      hasTouch: mobile,
      isMobile: mobile,
      deviceScaleFactor: mobile ? 2 : 1,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      baseURL: options.baseURL,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const page = context.pages()[0] ?? (await context.newPage());
  options.audit?.watchContext(context, mobile);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) =>
    pageErrors.push(`${error.message} ${error.stack ?? ''}`.slice(0, 1200)),
  );
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Failed resource loads (map tiles with no network) are the browser's note, not the app's.
    if (message.text().startsWith('Failed to load resource')) return;
    pageErrors.push(message.text());
  });

  return {
    context,
    page,
    pageErrors,
    close: async () => {
      // A browser a test closes itself still has the route it ended on checked.
      await options.audit?.flush().catch(() => undefined);
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
