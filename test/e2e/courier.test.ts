import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn, sign } from './support/actions';
import { PHONE, useServer } from './support/suite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = path.join(ROOT, 'docs', 'screenshots');

// A small valid JPEG (a 16×16 grey square) as the "photo" the camera would give.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAQABABAREA/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AKp//9k=',
  'base64',
);

const { browse } = useServer(DOCS);

async function button(page: Page, name: string | RegExp) {
  const b = page.getByRole('button', { name });
  await b.waitFor({ timeout: 20_000 });
  await b.click();
}

describe('the courier’s phone: a result delivery from pick-up to handover', () => {
  it('goes through pick-up, en route, arrival, ID check, signature, cash and handover; the dispatcher sees it completed with the receipt', async () => {
    const { page, context, pageErrors } = await browse(PHONE);
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();

    // First load of /courier with an empty cache: what it downloads and when it is usable.
    const loaded: { url: string; body: Buffer }[] = [];
    const onResponse = async (res: Response) => {
      const url = res.url();
      if (/\.(js|css)$/.test(new URL(url).pathname))
        loaded.push({ url, body: await res.body().catch(() => Buffer.alloc(0)) });
    };
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    page.on('response', onResponse);
    const t0 = Date.now();
    await page.goto('/courier');
    const first = page
      .getByRole('list', { name: 'Việc hôm nay theo thứ tự đi' })
      .getByRole('listitem')
      .first();
    await first.waitFor();
    const usableMs = Date.now() - t0;
    page.off('response', onResponse);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const gz = loaded.reduce((s, f) => s + gzipSync(f.body).length, 0);
    console.log(
      `[courier] first load of /courier: ${loaded.length} JS/CSS files, ${(gz / 1024).toFixed(1)} KiB gzip; usable after ${usableMs} ms`,
    );

    // Planned order: the demo's three jobs for courier1 come first, numbered 1, 2, 3.
    await expect.poll(() => first.textContent()).toContain('Phạm Thị Lan');
    expect(await first.textContent()).toContain('76.000\u00a0₫');
    expect(await first.getByRole('link', { name: /^Gọi / }).getAttribute('href')).toMatch(
      /^tel:\+849/,
    );
    expect(await first.getByRole('link', { name: /^Chỉ đường/ }).getAttribute('href')).toMatch(
      /^geo:\d/,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({ path: path.join(DOCS, 'courier-jobs.png') });

    await first.getByRole('link', { name: /^Mở việc/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Việc TN/ }).waitFor();
    const jobId = new URL(page.url()).pathname.split('/').pop()!;

    await button(page, 'Nhận việc');
    // Pick-up at the agency: the courier reads the code on the package (nothing pre-filled) and
    // it must be the job's; a photo of the sealed result.
    const codeField = page.getByLabel('Mã hồ sơ', { exact: true });
    await codeField.waitFor();
    expect(await codeField.inputValue()).toBe('');
    const expected = (await page.getByLabel('Thông tin việc').textContent())!.match(
      /Mã hồ sơ (H48\.19\.11-\d{6}-0101)/,
    )![1]!;
    await codeField.fill(expected);
    await page
      .getByLabel('Ảnh gói kết quả đã niêm phong')
      .setInputFiles({ name: 'seal.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await button(page, 'Đã nhận kết quả');
    await button(page, 'Bắt đầu đi');
    await button(page, 'Đã đến nơi');

    // Money: fee and postal charge as separate lines, cash.
    await page.getByText('Phí, lệ phí', { exact: true }).first().waitFor({ timeout: 20_000 });
    await button(page, 'Đã thu tiền mặt 76.000 ₫');
    await page.getByText('Đã thu phí, lệ phí').first().waitFor({ timeout: 20_000 });

    // Handover: the applicant, ID checked against the file, signature on the glass, photo.
    await page.getByLabel('Số giấy tờ').fill('075203012345');
    await sign(page, 'Chữ ký người nhận');
    await page
      .getByLabel('Ảnh bàn giao')
      .setInputFiles({ name: 'handover.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByLabel('Giấy tờ thu lại').fill('Giấy hẹn trả kết quả');
    await page
      .getByRole('img', { name: 'Chữ ký người nhận' })
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(DOCS, 'courier-handover.png') });
    await button(page, 'Xác nhận bàn giao');
    await button(page, 'Hoàn tất việc');
    await page.getByText('Việc đã hoàn thành.').waitFor({ timeout: 20_000 });
    expect(pageErrors).toEqual([]);

    // The dispatcher's view: the job is completed and its receipt is there.
    const office = await browse();
    await logIn(office.page, 'dispatcher1');
    await office.page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
    const job = await (await office.context.request.get(`/api/jobs/${jobId}`)).json();
    expect((job.job ?? job).status).toBe('completed');
    const money = await (await office.context.request.get(`/api/jobs/${jobId}/payments`)).json();
    expect(money.feesCollected).toBe(true);
    expect(money.payments.map((p: { receiptNo: string }) => p.receiptNo)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/LP-\d{6}$/),
        expect.stringMatching(/\/CB-\d{6}$/),
      ]),
    );
    await office.page.goto(`/bien-lai/${money.payments[0].collectionId}`);
    await office.page.getByRole('heading', { name: 'Biên lai thu tiền' }).waitFor();
    await office.page.getByText('Đã thu phí, lệ phí').waitFor();
    expect(await office.page.locator('main').textContent()).toContain('76.000\u00a0₫');
  });
});

describe('the courier’s phone offline', () => {
  it('opens offline, completes a handover with a photo with no network, shows it pending and syncs it once with the offline time', async () => {
    const { page, context } = await browse(PHONE);
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    // The service worker takes over the page and keeps what the courier needs.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    await page.getByRole('link', { name: /^Mở việc .* Võ Minh Tuấn/ }).click();
    await page.getByRole('heading', { name: 'Bàn giao kết quả' }).waitFor();
    const jobId = new URL(page.url()).pathname.split('/').pop()!;

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Bàn giao kết quả' }).waitFor({ timeout: 20_000 });

    const offlineAt = Date.now();
    await page.getByLabel('Số giấy tờ').fill('075098765432');
    await sign(page, 'Chữ ký người nhận');
    await page
      .getByLabel('Ảnh bàn giao')
      .setInputFiles({ name: 'handover.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await button(page, 'Xác nhận bàn giao');
    const bar = page.getByRole('region', { name: 'Đồng bộ' });
    await bar.getByText('3 thao tác chờ đồng bộ').waitFor();
    await bar.getByText('mất mạng').waitFor();
    await page.getByText('Thao tác cuối đang chờ gửi lên máy chủ.').waitFor();
    await page.screenshot({ path: path.join(DOCS, 'courier-offline-pending.png') });
    await page.waitForTimeout(3_000);

    await context.setOffline(false);
    await bar.waitFor({ state: 'detached', timeout: 30_000 });
    const events = (await (await context.request.get(`/api/jobs/${jobId}/events`)).json())
      .items as { toStatus: string | null; occurredAt: string; recordedAt: string }[];
    const delivered = events.filter((e) => e.toStatus === 'delivered');
    expect(delivered).toHaveLength(1);
    const occurred = Date.parse(delivered[0]!.occurredAt);
    expect(occurred).toBeGreaterThanOrEqual(offlineAt - 1000);
    expect(Date.parse(delivered[0]!.recordedAt) - occurred).toBeGreaterThanOrEqual(2_500);
    const docs = (await (await context.request.get(`/api/jobs/${jobId}/documents`)).json())
      .items as { kind: string }[];
    expect(docs.map((d) => d.kind).sort()).toEqual(['handover_photo', 'signature']);

    // Logging out on a shared phone leaves no citizen data behind for offline use.
    const cachedData = () =>
      page.evaluate(async () =>
        (await caches.has('data-v1')) ? (await (await caches.open('data-v1')).keys()).length : 0,
      );
    expect(await cachedData()).toBeGreaterThan(0);
    await page.goto('/courier');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await expect.poll(cachedData, { timeout: 5_000 }).toBe(0);
  });
});
