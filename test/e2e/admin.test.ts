import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { SCREENSHOTS, useServerWithBrowser } from './support/suite';

const suite = useServerWithBrowser(SCREENSHOTS);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Writes a catalogue file and imports it through the catalogue tab's file field. */
async function importCatalogue(page: Page, file: string, csv: string) {
  await writeFile(file, csv);
  await page.getByLabel('Tệp CSV, Excel (.xlsx) hoặc JSON').setInputFiles(file);
  await page.getByRole('button', { name: 'Nhập danh mục' }).click();
}

describe('admin area', () => {
  it('creates an account that can sign in, imports the catalogue, fills the holidays', async () => {
    const { page } = suite.browser;
    await logIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();

    // Accounts
    const form = page.getByRole('form', { name: 'Tạo tài khoản' });
    await form.getByLabel('Tên đăng nhập').fill('buuta.moi');
    await form.getByLabel('Họ và tên').fill('Trần Văn Mới');
    await form.getByLabel('Vai trò').selectOption('courier');
    // No unit is chosen for the admin: the first of the list is never taken silently.
    await form.getByLabel('Đơn vị', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Mật khẩu').fill('Mat-khau-moi-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản buuta.moi.').waitFor();
    await page.getByRole('cell', { name: /buuta\.moi/ }).waitFor();
    await shot(page, 'admin-users');

    // Catalogue: a bad file shows each mistake with its line; a good one is imported.
    await page.getByRole('tab', { name: 'Danh mục thủ tục' }).click();
    const dir = path.join(tmpdir(), `tn-admin-${Date.now()}`);
    await mkdir(dir, { recursive: true });
    await importCatalogue(
      page,
      path.join(dir, 'sai.csv'),
      'Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Lĩnh vực;Số ngày xử lý;Phí lệ phí\nE2E.1;;Sở Tư pháp;Tư pháp;5;100.000\nE2E.2;Thủ tục B;Sở Tư pháp;Tư pháp;2,5;-1\n',
    );
    const problems = page.getByRole('list', { name: 'Lỗi trong tệp' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Dòng 2, cột name'),
      expect.stringContaining('Dòng 3, cột processingDays'),
      expect.stringContaining('Dòng 3, cột feeVnd'),
    ]);
    await shot(page, 'admin-catalogue-refused');
    await importCatalogue(
      page,
      path.join(dir, 'dung.csv'),
      'Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Lĩnh vực;Số ngày xử lý;Phí lệ phí\nE2E.1;Thủ tục thử nghiệm E2E;Sở Tư pháp;Tư pháp;5;100.000\n',
    );
    await page.getByText('Đã nhập 1 thủ tục: 1 mới').waitFor();
    await page.getByLabel('Tìm theo tên hoặc mã').fill('thu nghiem e2e');
    await page.getByRole('cell', { name: /Thủ tục thử nghiệm E2E/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Sửa phí của E2E.1' }).textContent()).toMatch(
      /^100\.000\s₫$/,
    );
    await shot(page, 'admin-catalogue');

    // Calendar: fill a future year, twice — the second adds nothing.
    await page.getByRole('tab', { name: 'Lịch nghỉ' }).click();
    await page.getByLabel('Năm').fill('2031');
    await page.getByRole('button', { name: 'Điền ngày nghỉ theo luật cho năm 2031' }).click();
    await page.getByText(/Đã thêm \d+ ngày; 0 ngày đã có/).waitFor();
    await page.getByRole('button', { name: 'Điền ngày nghỉ theo luật cho năm 2031' }).click();
    await page.getByText(/Đã thêm 0 ngày/).waitFor();
    await page.getByRole('cell', { name: '02/09/2031', exact: true }).waitFor();
    await shot(page, 'admin-calendar');

    // Settings: a time limit changes; a value that is not JSON is explained.
    await page.getByRole('tab', { name: 'Cài đặt' }).click();
    const due = page.getByLabel(/Hạn hoàn thành việc/);
    await due.fill('3');
    await page.locator('form', { has: due }).getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    const hours = page.getByLabel(/Giờ làm việc của tổng đài/);
    await hours.fill('{"start": "17:00", "end": "07:30"}');
    await page.locator('form', { has: hours }).getByRole('button', { name: 'Lưu' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Giờ kết thúc phải sau giờ bắt đầu.' })
      .waitFor();
    await shot(page, 'admin-settings');

    // SMS preview and the audit trail.
    await page.getByRole('tab', { name: 'Mẫu tin nhắn' }).click();
    await page
      .getByText(/TN-261122-0042/)
      .first()
      .waitFor();
    await shot(page, 'admin-sms');
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    await page
      .getByRole('cell', { name: /Tạo tài khoản/ })
      .first()
      .waitFor();
    await shot(page, 'admin-audit');

    // The new account signs in.
    const other = await suite.browse();
    try {
      await logIn(other.page, 'buuta.moi', 'Mat-khau-moi-2026');
      await other.page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
    } finally {
      await other.close();
    }
    expect(suite.browser.pageErrors).toEqual([]);
  }, 120_000);
});
