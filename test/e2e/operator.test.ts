import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO_PASSWORD } from './support/server';
import { SCREENSHOTS, useServerWithBrowser } from './support/suite';

const suite = useServerWithBrowser(SCREENSHOTS);

/** Keyboard only, and every key counted: what an operator's hands do. */
function keyboard(page: Page) {
  let keys = 0;
  return {
    press: async (combo: string) => {
      keys += 1;
      await page.keyboard.press(combo);
    },
    type: async (text: string) => {
      keys += [...text].length;
      await page.keyboard.type(text, { delay: 5 });
    },
    count: () => keys,
    reset: () => {
      keys = 0;
    },
  };
}

describe('operator console, keyboard only', () => {
  it('pops an incoming call with the caller history, logs it and creates a home-assistance job without the mouse', async () => {
    const { page, pageErrors } = suite.browser;
    const kb = keyboard(page);
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').focus();
    await kb.type('operator1');
    await kb.press('Tab');
    await kb.type(DEMO_PASSWORD);
    await kb.press('Enter');
    await page.waitForURL('**/operator');
    await page.getByRole('heading', { level: 1, name: 'Tổng đài 1022' }).waitFor();

    // The regular caller of the demo data, with one earlier call on record.
    const found = await page.request.get('/api/citizens?q=dang%20minh%20dung');
    const caller = (
      (await found.json()) as { items: { id: string; phone: string; fullName: string }[] }
    ).items[0]!;
    expect(caller.fullName).toBe('Đặng Minh Dũng');
    const earlier = await page.request.post('/api/calls', {
      data: {
        callerPhone: caller.phone,
        category: 'procedure_question',
        content: 'Hỏi lệ phí cấp phiếu lý lịch tư pháp',
        close: true,
      },
    });
    expect(earlier.status()).toBe(201);

    // The call rings (dev control, through the same voice handler Twilio would call).
    await kb.press('Alt+S');
    await kb.type(`0${caller.phone.slice(3)}`);
    await kb.press('Enter');
    const banner = page.getByRole('region', { name: 'Cuộc gọi đến' });
    await banner.waitFor({ timeout: 15_000 });
    await banner.getByText('Đặng Minh Dũng').waitFor();
    await banner.getByText('Hỏi lệ phí cấp phiếu lý lịch tư pháp').first().waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'operator-screen-pop.png'),
      fullPage: true,
    });

    // From here: log the call and create the job. Keys and seconds are measured.
    kb.reset();
    const started = Date.now();
    await kb.press('Alt+A');
    await page.locator('#call-category').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('call-category');
    await kb.type('3'); // 3 · Yêu cầu nhận hồ sơ tại nhà
    await kb.press('Tab');
    await kb.type('Xin nhận hồ sơ cấp phiếu lý lịch tư pháp tại nhà');

    // A reload in the middle loses nothing (the draft lives in sessionStorage per call).
    const reloadStart = Date.now();
    await page.reload();
    await page.locator('#call-content').waitFor();
    expect(await page.locator('#call-content').inputValue()).toBe(
      'Xin nhận hồ sơ cấp phiếu lý lịch tư pháp tại nhà',
    );
    expect(await page.locator('#call-category').inputValue()).toBe('pickup_request');
    const reloadMs = Date.now() - reloadStart;

    await kb.press('Alt+J');
    await page.locator('#job-procedure').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('job-procedure');
    // The caller's saved address and post office are already filled in.
    await expect.poll(() => page.getByLabel('Số nhà, đường').inputValue()).toContain('Đồng Nai');
    await kb.type('ly lich tu phap');
    const firstProcedure = page.locator('#job-procedure-list [role=option]').first();
    await firstProcedure.waitFor();
    expect(await firstProcedure.textContent()).toContain('lý lịch tư pháp');
    await kb.press('Enter');
    await kb.press('Control+Enter');
    const created = page.getByText(/Đã tạo việc (TN\d{10}), hạn/);
    await created.waitFor({ timeout: 15_000 });
    const jobCode = /TN\d{10}/.exec((await created.textContent()) ?? '')![0];
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'operator-job-created.png'),
      fullPage: true,
    });
    await kb.press('Alt+L');
    await page.getByRole('heading', { name: 'Chưa có cuộc gọi nào đang xử lý' }).waitFor();
    const seconds = (Date.now() - started - reloadMs) / 1000;

    // The job is in today's list, against this call.
    const row = page.getByRole('row').filter({ hasText: jobCode });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đặng Minh Dũng');
    expect(await row.textContent()).toContain('Đã tạo việc');
    // …and the job engine has it, with one SMS queued on the outbox page.
    const job = await page.request.get(`/api/jobs?q=${jobCode}`);
    expect(job.status()).toBe(200);
    expect(JSON.stringify(await job.json())).toContain(jobCode);
    await page.goto('/outbox');
    await page.getByText(`tra-cuu/${jobCode}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'operator-outbox.png'), fullPage: true });

    process.stdout.write(
      `\n  Log a call and create a job (keyboard only): ${kb.count()} keystrokes, ${seconds.toFixed(1)} s (from Alt+A to the ticket closed, reload excluded)\n\n`,
    );
    expect(kb.count()).toBeLessThan(80);
    expect(pageErrors).toEqual([]);
  });
});
