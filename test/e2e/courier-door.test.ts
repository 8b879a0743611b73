import type { Job, JobList } from '@tannha/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { call, logIn } from './support/actions';
import { PHONE, useServerWithBrowser } from './support/suite';

// One phone for the file: courier1's demo day (a pickup for a citizen with no CCCD on file,
// a result delivery with a CCCD on file and nothing to pay, another with fees).
const suite = useServerWithBrowser(undefined, PHONE);

async function button(page: Page, name: string | RegExp) {
  const b = page.getByRole('button', { name });
  await b.waitFor({ timeout: 20_000 });
  await b.click();
}

async function courierJobs(page: Page): Promise<Job[]> {
  const res = await call(page, 'GET', '/api/jobs?open=true&pageSize=200');
  expect(res.status).toBe(200);
  return (res.body as JobList).items;
}

async function openJob(page: Page, job: Job) {
  await page.goto(`/courier/jobs/${job.id}`);
  await page.getByRole('heading', { level: 1, name: `Việc ${job.code}` }).waitFor();
}

describe('at the citizen’s door (courier’s phone)', () => {
  it('shows the pickup checklist with no network, copies not pre-set as originals, and says the CCCD is not on file yet', async () => {
    const { page, context } = suite.browser;
    await logIn(page, 'courier1');
    await page.waitForURL(/\/courier$/);
    const job = (await courierJobs(page)).find((j) => j.type === 'home_assistance')!;
    const papers = job.procedure!.requiredPapers;
    expect(papers.some((p) => p.startsWith('Bản sao'))).toBe(true);
    // Loaded once on the network, then the phone loses it before reaching the door.
    await openJob(page, job);
    await context.setOffline(true);
    try {
      await button(page, 'Nhận việc');
      await button(page, 'Bắt đầu đi');
      await button(page, 'Đã đến nơi');
      await page.getByRole('heading', { name: 'Nhận hồ sơ tại nhà' }).waitFor();
      for (const name of papers) {
        await page.getByRole('checkbox', { name }).waitFor({ timeout: 10_000 });
        const kind = page.getByLabel(`Bản chính hay bản sao: ${name}`);
        expect(await kind.inputValue()).toBe(name.startsWith('Bản sao') ? 'copy' : '');
      }

      // A kind left unsaid stops the slip, naming the paper.
      const unsaid = papers.find((p) => !p.startsWith('Bản sao'))!;
      await button(page, 'Lập phiếu gửi hồ sơ');
      expect(await page.getByRole('alert').textContent()).toContain(unsaid);

      const cccd = page.getByLabel('Số CCCD người nộp');
      await cccd.fill('000190001234');
      await page.getByText('Ba số đầu không phải mã tỉnh nơi đăng ký khai sinh.').waitFor();
      await cccd.fill('075190001234');
      await page.getByText('Chưa có CCCD trong hồ sơ — sẽ lưu số này').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('says whether the recipient’s CCCD matches the file, refuses a mismatch without a reason, and stamps no fee on 0 ₫', async () => {
    const { page } = suite.browser;
    const job = (await courierJobs(page)).find(
      (j) => j.type === 'result_delivery' && j.status === 'on_site',
    )!;
    expect(job.feeDueVnd).toBe(0);
    await openJob(page, job);

    await page.getByText('Không thu phí, lệ phí').waitFor({ timeout: 20_000 });
    expect(await page.getByText('Đã thu phí, lệ phí').count()).toBe(0);

    const id = page.getByLabel('Số giấy tờ');
    await id.fill('075098760000');
    await page.getByText('Không khớp với CCCD trong hồ sơ (…5432)').waitFor();
    await button(page, 'Xác nhận bàn giao');
    expect(await page.getByRole('alert').textContent()).toContain(
      'Số CCCD không khớp hồ sơ: hãy ghi lý do',
    );
    await page.getByLabel('Lý do vẫn tiếp tục').waitFor();

    await id.fill('075 098 765 432');
    await page.getByText('Khớp với hồ sơ', { exact: true }).waitFor();
    expect(await page.getByLabel('Lý do vẫn tiếp tục').count()).toBe(0);
  });

  it('keeps ₫ on the amount’s line on a 390 px phone', async () => {
    const { page } = suite.browser;
    const job = (await courierJobs(page)).find((j) => j.type === 'home_assistance')!;
    expect(job.feeDueVnd).toBeGreaterThan(0);
    // At the door (the first test's steps may still be syncing: a step already made is refused).
    for (const to of ['accepted', 'en_route', 'on_site'])
      await call(page, 'POST', `/api/jobs/${job.id}/transitions`, { to });
    await openJob(page, job);
    // The money panel's "Phí, lệ phí" line: one amount, ₫ glued to it.
    const fee = page.getByRole('definition').filter({ hasText: '₫' }).first();
    await fee.waitFor({ timeout: 20_000 });
    expect(await fee.textContent()).toMatch(/^[\d.]+\u00a0₫$/);
    const box = await fee.boundingBox();
    const lineHeight = await fee.evaluate((el) => {
      const cs = getComputedStyle(el);
      return parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3;
    });
    expect(box!.height).toBeLessThan(lineHeight * 1.5);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).not.toMatch(/\d ₫/);
  });
});
