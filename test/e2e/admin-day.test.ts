import type { Locator, Page } from 'playwright-core';
import { formatVnd } from '@tannha/shared';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { useServerWithBrowser } from './support/suite';

const suite = useServerWithBrowser();

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CODE = 'E2E.DAY';
const NAME = 'Cấp đổi giấy phép lái xe (thử)';
/** The fee as every money figure reads: 135.000 ₫. */
const FEE = formatVnd(135_000);

/** The row of the users table whose first cell names this username. */
const userRow = (page: Page, username: string) =>
  page.locator('tr', { has: page.getByText(username, { exact: true }) });

/** The values of the paper lines of the open procedure form, in order. */
const paperValues = async (form: Locator) =>
  form
    .getByLabel(/^Giấy tờ \d+$/)
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('an admin’s day', () => {
  it('lists couriers in natural order and confirms a role change with "Đã lưu"', async () => {
    const { page } = suite.browser;
    await logIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
    await userRow(page, 'courier12').waitFor();
    const usernames = await page.locator('tbody tr td:first-child strong').allTextContents();
    const couriers = usernames.filter((u) => /^courier\d+$/.test(u));
    expect(couriers.slice(0, 4)).toEqual(['courier1', 'courier2', 'courier3', 'courier4']);
    expect(couriers.indexOf('courier10')).toBe(couriers.indexOf('courier9') + 1);

    const row = userRow(page, 'courier12');
    await row.getByLabel('Vai trò của courier12').selectOption('operator');
    await row.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    expect(await row.getByLabel('Vai trò của courier12').inputValue()).toBe('operator');

    // Locking asks first, naming the person; Cancel leaves the account open.
    await row.getByRole('button', { name: 'Khóa', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/Khóa tài khoản Lý Minh Quân \(courier12\)\?/).waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Đang hoạt động').waitFor();
  }, 90_000);

  it('adds a procedure with its papers through the form, then edits the papers', async () => {
    const { page } = suite.browser;
    await page.getByRole('tab', { name: 'Danh mục thủ tục' }).click();
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const form = page.getByRole('form', { name: 'Thêm thủ tục' });
    await form.getByLabel('Mã thủ tục').fill(CODE);
    await form.getByLabel('Tên thủ tục').fill(NAME);
    await form.getByLabel('Cơ quan thực hiện').fill('Sở Xây dựng');
    await form.getByLabel('Lĩnh vực').fill('Đường bộ');
    await form.getByLabel('Số ngày xử lý').fill('5');
    await form.getByLabel('Phí, lệ phí (₫)').fill('135000');
    for (const paper of ['Bản chính tờ khai', 'Bản sao CCCD', 'Bản sao CCCD']) {
      await form.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      await form
        .getByLabel(/^Giấy tờ \d+$/)
        .last()
        .fill(paper);
    }
    await form.getByRole('button', { name: 'Thêm thủ tục' }).click();
    // The same paper twice is named on its line; nothing is written.
    await form.getByText('Giấy tờ này đã có ở dòng trên; mỗi giấy tờ chỉ ghi một lần.').waitFor();
    await form.getByRole('button', { name: 'Bỏ giấy tờ 3 Bản sao CCCD' }).click();
    await form.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await page.getByText(`Đã lưu thủ tục ${CODE} – ${NAME}.`).waitFor();
    await page.getByLabel('Tìm theo tên hoặc mã').fill('giay phep lai xe (thu)');
    const row = page.locator('tr', { has: page.getByText(NAME) });
    await row.getByText('2 giấy tờ').waitFor();

    await row.getByRole('button', { name: `Sửa thủ tục ${CODE}` }).click();
    const edit = page.getByRole('form', { name: `Sửa thủ tục ${CODE}` });
    expect(await paperValues(edit)).toEqual(['Bản chính tờ khai', 'Bản sao CCCD']);
    await edit.getByRole('button', { name: 'Đưa giấy tờ 2 lên' }).click();
    await edit.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await edit.getByLabel('Giấy tờ 3', { exact: true }).fill('Ảnh 3x4');
    await edit.getByRole('button', { name: 'Lưu thủ tục' }).click();
    await page.getByText(`Đã lưu thủ tục ${CODE} – ${NAME}.`).waitFor();
    await row.getByText('3 giấy tờ').waitFor();
    await row.getByRole('button', { name: `Sửa thủ tục ${CODE}` }).click();
    expect(await paperValues(edit)).toEqual(['Bản sao CCCD', 'Bản chính tờ khai', 'Ảnh 3x4']);
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await edit.waitFor({ state: 'detached' });
  }, 90_000);

  it('puts the fee back on Cancel and on Esc', async () => {
    const { page } = suite.browser;
    const row = page.locator('tr', { has: page.getByText(NAME) });
    const feeButton = row.getByRole('button', { name: `Sửa phí của ${CODE}` });
    expect(await feeButton.textContent()).toBe(FEE);
    await feeButton.click();
    await row.getByLabel('Phí, lệ phí (₫)').fill('999999');
    await row.getByRole('button', { name: 'Hủy' }).click();
    expect(await feeButton.textContent()).toBe(FEE);
    await feeButton.click();
    expect(await row.getByLabel('Phí, lệ phí (₫)').inputValue()).toBe('135000');
    await row.getByLabel('Phí, lệ phí (₫)').fill('1');
    await row.getByLabel('Phí, lệ phí (₫)').press('Escape');
    expect(await feeButton.textContent()).toBe(FEE);
  }, 60_000);

  it('asks before removing a holiday: Cancel keeps it, confirming removes it', async () => {
    const { page } = suite.browser;
    await page.getByRole('tab', { name: 'Lịch nghỉ' }).click();
    await page.getByLabel('Năm').fill('2032');
    await page.getByRole('button', { name: 'Điền ngày nghỉ theo luật cho năm 2032' }).click();
    await page.getByText(/Đã thêm \d+ ngày/).waitFor();
    const day = page.getByRole('cell', { name: '30/04/2032', exact: true });
    await day.waitFor();
    await page.getByRole('button', { name: 'Xóa ngày 30/04/2032' }).click();
    const dialog = page.getByRole('alertdialog', { name: /30\/04\/2032/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    await day.waitFor();
    await page.getByRole('button', { name: 'Xóa ngày 30/04/2032' }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await day.waitFor();
    await page.getByRole('button', { name: 'Xóa ngày 30/04/2032' }).click();
    await dialog.getByRole('button', { name: 'Xóa', exact: true }).click();
    await day.waitFor({ state: 'detached' });
  }, 60_000);

  it('reads the audit trail in words: a phrase, the record by name, "field: old → new", no UUID', async () => {
    const { page } = suite.browser;
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const table = page.getByRole('table');
    await table.getByText('Thêm thủ tục', { exact: true }).first().waitFor();
    await table.getByText(`${CODE} – ${NAME}`).first().waitFor();
    await table.getByText('Đổi vai trò hoặc đơn vị').first().waitFor();
    await table.getByText('Lý Minh Quân (courier12)').first().waitFor();
    await table.getByText('Bưu tá → Điện thoại viên').first().waitFor();
    await table.getByText('Xóa ngày khỏi lịch nghỉ').first().waitFor();
    expect(await table.innerText()).not.toMatch(UUID);
    expect(await table.innerText()).not.toMatch(/procedure\.create|"feeVnd"/);
    // The raw record stays one click away.
    await table.getByText('Chi tiết kỹ thuật').first().click();
    await table
      .getByText(/"action": "/)
      .first()
      .waitFor();
    expect(suite.browser.pageErrors).toEqual([]);
  }, 60_000);
});
