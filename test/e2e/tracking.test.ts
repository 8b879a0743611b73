import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { SCREENSHOTS, PHONE, useServerWithBrowser } from './support/suite';

/** The demo's example receipt (server/src/demo/demo-seed-reports.ts). */
const RECEIPT = { code: 'TNDEMO0001', last4: '5678' };
/** The demo's filed pickup, its result date entered from the appointment slip. */
const FILED = { code: 'TNDEMO0002', last4: '6789' };
const suite = useServerWithBrowser(SCREENSHOTS, PHONE);

describe('a citizen with the tracking link from the receipt', () => {
  it('sees the steps in plain Vietnamese after giving the last 4 phone digits, and rates the job once', async () => {
    const { page, pageErrors } = suite.browser;
    // The page's own clock, so minutes of polling pass in an instant.
    await page.clock.install();
    const lookups: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/track/')) lookups.push(r.url());
    });
    await page.goto(`/tra-cuu/${RECEIPT.code}`);
    await page
      .getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })
      .waitFor({ timeout: 30_000 });

    await page.getByLabel('4 số cuối điện thoại').fill('0000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này').waitFor();
    // A refused look-up is never asked again by itself: five minutes pass without a request.
    const refusedAt = lookups.length;
    await page.clock.fastForward('05:00');
    await page.waitForTimeout(500);
    expect(lookups.length).toBe(refusedAt);

    await page.getByLabel('4 số cuối điện thoại').fill(RECEIPT.last4);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    // The dossier's words: the result is home, and the deadline is the post office's.
    await page.getByRole('heading', { name: 'Đã trả kết quả tận nhà' }).waitFor();
    await page.getByText('Hạn bưu điện trả kết quả tận nhà').waitFor();
    const timeline = page.getByRole('list').filter({ hasText: 'Đã tiếp nhận yêu cầu của bạn' });
    await expect
      .poll(async () => timeline.textContent())
      .toContain('Bưu tá đã trao kết quả cho bạn');
    expect(await page.getByText('Hoàn tất', { exact: true }).count()).toBe(0);
    // A finished dossier is not polled either.
    const found = lookups.length;
    await page.clock.fastForward('05:00');
    await page.waitForTimeout(500);
    expect(lookups.length).toBe(found);
    expect(await page.getByText('Hùng', { exact: true }).count()).toBe(1);
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain('Nguyễn Thị Hồng');
    expect(body).not.toContain('0912');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'tracking-before-rating.png'),
      fullPage: true,
    });

    await page.getByRole('radio', { name: '5 sao' }).click();
    await page.getByLabel('Góp ý (không bắt buộc)').fill('Bưu tá đến đúng hẹn, rất chu đáo.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn bạn đã đánh giá!').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracking-rated.png'), fullPage: true });

    // Once per job: coming back shows the rating, not the form.
    await page.reload();
    await page.getByLabel('4 số cuối điện thoại').fill(RECEIPT.last4);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Bạn đã đánh giá 5/5 sao.').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    expect(pageErrors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('reads a filed pickup as filed, with the expected result date, not as done', async () => {
    const { page, pageErrors } = suite.browser;
    await page.goto(`/tra-cuu/${FILED.code}`);
    await page.getByLabel('4 số cuối điện thoại').fill(FILED.last4);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ tại cơ quan' }).waitFor();
    await page.getByText(/dự kiến có kết quả ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
    await page.getByText('Hạn bưu điện nhận và nộp hồ sơ').waitFor();
    expect(await page.getByText('Hoàn tất', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracking-filed.png'), fullPage: true });
    expect(pageErrors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
