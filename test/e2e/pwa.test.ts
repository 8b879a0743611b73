import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { PHONE, useServer } from './support/suite';

// The courier's phone keeps the app and the last answers for offline use: a new version of the
// app must wait for the courier's yes, and the citizens' data it keeps must stay bounded and
// expire.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVED_WORKER = path.join(ROOT, 'web', 'dist', 'sw.js');
const DATA_CACHE = 'data-v1';
const MAX_ENTRIES = 200;

const { browse } = useServer();

async function openCourierHome(page: Page): Promise<void> {
  await logIn(page, 'courier1');
  await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** The URLs (path and query) the phone keeps in its data cache. */
function cachedDataUrls(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => {
      const u = new URL(r.url);
      return u.pathname + u.search;
    });
  }, DATA_CACHE);
}

/** Reads made from the page (through the service worker, as the app's own reads go). */
function readAll(page: Page, urls: string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const statuses: number[] = [];
    for (const u of list) statuses.push((await fetch(u, { credentials: 'same-origin' })).status);
    return statuses;
  }, urls);
}

describe('the service worker on the courier’s phone', () => {
  it('keeps at most 200 answers with citizens’ data, and none older than 3 days', async () => {
    const { page } = await browse(PHONE);
    await openCourierHome(page);

    // A long day of reads: more answers than the cache may hold.
    const many = Array.from(
      { length: MAX_ENTRIES + 20 },
      (_, i) => `/api/procedures?q=gi%E1%BA%A5y&day=${i}`,
    );
    expect(new Set(await readAll(page, many))).toEqual(new Set([200]));
    await expect
      .poll(async () => (await cachedDataUrls(page)).length, { timeout: 20_000 })
      .toBeLessThanOrEqual(MAX_ENTRIES);
    const kept = await cachedDataUrls(page);
    // The oldest answers went first; the latest are kept.
    expect(kept).not.toContain(many[0]);
    expect(kept).toContain(many[many.length - 1]);

    // Three days and a bit later (the clock of the stored answers moved back by 73 h).
    await page.evaluate(async (cacheName) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('workbox-expiration');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('cache-entries', 'readwrite');
      const store = tx.objectStore('cache-entries');
      const all = await new Promise<{ cacheName: string; timestamp: number }[]>((resolve) => {
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result as { cacheName: string; timestamp: number }[]);
      });
      for (const entry of all) {
        if (entry.cacheName === cacheName)
          store.put({ ...entry, timestamp: entry.timestamp - 73 * 3600_000 });
      }
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
    }, DATA_CACHE);
    const fresh = '/api/procedures?q=gi%E1%BA%A5y&day=fresh';
    expect(await readAll(page, [fresh])).toEqual([200]);
    await expect
      .poll(async () => (await cachedDataUrls(page)).filter((u) => u.includes('day=')), {
        timeout: 20_000,
      })
      .toEqual([fresh]);
  });

  it('offers a new version and lets it take over only after the courier taps “Cập nhật”', async () => {
    const { page, pageErrors } = await browse(PHONE);
    await openCourierHome(page);
    const before = await readFile(SERVED_WORKER, 'utf8');
    try {
      // A new release reaches the server while the courier works.
      await writeFile(SERVED_WORKER, `${before}\n// next release\n`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
      const prompt = page.getByRole('status', { name: 'Có phiên bản mới' });
      await prompt.waitFor({ timeout: 30_000 });
      await prompt.getByText('các thao tác chờ đồng bộ vẫn được giữ').waitFor();

      // Nothing changes under the courier by itself: the page stays, the new version waits.
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await page.waitForTimeout(3_000);
      const waitingNow = () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return {
            waiting: reg?.waiting != null,
            stayed: (window as unknown as { stayed?: boolean }).stayed === true,
          };
        });
      expect(await waitingNow()).toEqual({ waiting: true, stayed: true });

      await prompt.getByRole('button', { name: 'Cập nhật' }).click();
      // The new version took over and the page reloaded with it.
      await expect.poll(waitingNow, { timeout: 20_000 }).toEqual({ waiting: false, stayed: false });
      await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
      await expect(prompt.count()).resolves.toBe(0);
      const served = await page.evaluate(async () => (await fetch('/sw.js')).text());
      expect(served).toContain('// next release');
      expect(pageErrors).toEqual([]);
    } finally {
      await writeFile(SERVED_WORKER, before);
    }
  });
});
