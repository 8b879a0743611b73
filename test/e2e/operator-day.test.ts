import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { SCREENSHOTS, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

describe('a logged-out visitor', () => {
  it('opens the login and tracking pages without a single console error', async () => {
    const { page, pageErrors } = await browse();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.goto('/tra-cuu');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Give late requests (the session check, the config) time to fail, if they would.
    await page.waitForLoadState('networkidle');
    expect(pageErrors).toEqual([]);
  });
});

describe('the operator desk', () => {
  it('turns a ringing call dismissed with Esc into a callback listed under "Cần gọi lại"', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'operator1');
    await page.waitForURL('**/operator');
    const ring = page.getByRole('form', { name: 'Giả lập cuộc gọi đến' }).getByRole('textbox');
    await ring.fill('0987 650 021');
    await ring.press('Enter');
    const banner = page.getByRole('region', { name: 'Cuộc gọi đến' });
    await banner.waitFor({ timeout: 15_000 });
    const ticket = (await banner
      .getByText(/^1022-\d{6}-\d{4}$/)
      .first()
      .textContent())!;

    await page.keyboard.press('Escape');
    await banner.waitFor({ state: 'hidden' });
    const callbacks = page.getByRole('region', { name: 'Cần gọi lại' });
    const item = callbacks.getByRole('listitem').filter({ hasText: '0987 650 021' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.textContent()).toContain('Bỏ qua khi đổ chuông');
    // Today's calls say what became of it, not "Đang xử lý".
    const row = page.getByRole('row').filter({ hasText: ticket });
    await expect.poll(() => row.textContent()).toContain('Nhỡ');
    expect(await row.textContent()).not.toContain('Đang xử lý');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'operator-dismissed-callback.png'),
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  });

  it('picks the highlighted first procedure with Enter, finds "GPLX", and opens the job form from the catalogue', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'operator1');
    await page.waitForURL('**/operator');
    const number = page.getByRole('form', { name: 'Ghi cuộc gọi theo số' }).getByRole('textbox');
    await number.fill('0987 650 022');
    await number.press('Enter');
    await page.locator('#call-category').waitFor();

    await page.keyboard.press('Alt+J');
    await page.locator('#job-procedure').waitFor();
    const picker = page.locator('#job-procedure');
    expect(await picker.getAttribute('placeholder')).toContain('Enter để chọn, ↑↓ để đổi');
    await picker.fill('GPLX');
    const options = page.locator('#job-procedure-list [role=option]');
    await options.first().waitFor();
    const first = (await options.first().locator('span').first().textContent())!;
    expect(first).toMatch(/giấy phép lái xe/i);
    // The first answer is the highlighted one, and the one Enter picks.
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await picker.getAttribute('aria-activedescendant')).toBe(
      await options.first().getAttribute('id'),
    );
    await picker.press('Enter');
    const form = page.getByRole('form', { name: 'Tạo việc từ cuộc gọi' });
    const chosen = form.locator('p').filter({ hasText: 'Đổi' });
    await expect.poll(() => chosen.textContent()).toContain(first);

    // The catalogue below the desk: a result creates the job with its procedure.
    const catalogue = page.locator('#procedure-catalogue');
    await catalogue.getByRole('searchbox').fill('lltp so 2');
    const card = catalogue.getByRole('article').first();
    await card
      .getByRole('heading', { name: 'Cấp Phiếu lý lịch tư pháp số 2 cho cá nhân' })
      .waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Tạo việc với thủ tục này' }).click();
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'operator-procedure-to-job.png'),
      fullPage: true,
    });
    await expect
      .poll(() => chosen.textContent())
      .toContain('Cấp Phiếu lý lịch tư pháp số 2 cho cá nhân');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'operator-procedure-to-job.png'),
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  });
});
