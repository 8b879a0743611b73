import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { DEMO_PASSWORD } from './support/server';
import { PHONE, useServer } from './support/suite';

const { browse } = useServer();

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 15_000 });
}

describe('changing one’s own password', () => {
  it('lets a desk user change it from the header, refusing a wrong current password, and sign in with the new one', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'manager1');
    await heading(page, 'Tổng quan đơn vị');
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await heading(page, 'Đổi mật khẩu');

    await page.getByLabel('Mật khẩu hiện tại').fill('khong-phai-mat-khau');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('cum-tu-moi-rat-dai-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('cum-tu-moi-rat-dai-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();

    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('status').getByText('Đã đổi mật khẩu.').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await heading(page, 'Đăng nhập');
    await logIn(page, 'manager1', 'cum-tu-moi-rat-dai-2026');
    await heading(page, 'Tổng quan đơn vị');
    expect(pageErrors).toEqual([]);
  });

  it('lets a courier reach it from the account page on a phone', async () => {
    const { page, pageErrors } = await browse(PHONE);
    await logIn(page, 'courier2');
    await heading(page, 'Việc hôm nay');
    await page.getByRole('link', { name: 'Tài khoản' }).tap();
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).tap();
    await heading(page, 'Đổi mật khẩu');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).tap();
    await page.getByText('Vui lòng nhập mật khẩu hiện tại.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
