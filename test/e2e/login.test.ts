import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO_PASSWORD } from './support/server';
import { logIn } from './support/actions';
import type { BrowserOptions, TestBrowser } from './support/browser';
import { SCREENSHOTS, PHONE, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 15_000 });
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Signs `username` in on a fresh browser and expects the role's home: heading `title` at `home`. */
async function signInAndLand(
  username: string,
  title: string,
  home: string,
  options?: BrowserOptions,
): Promise<TestBrowser> {
  const b = await browse(options);
  await logIn(b.page, username);
  await heading(b.page, title);
  expect(pathOf(b.page)).toBe(home);
  return b;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Every control on screen is at least 44×44 px, inside the 390 px width, and really on top at
 * its centre (not clipped or covered by a neighbour), so a thumb can hit it.
 */
async function expectThumbSizedControls(page: Page): Promise<void> {
  const controls = await page
    .locator('a:visible, button:visible, input:visible')
    .evaluateAll((elements) =>
      elements.map((element) => {
        // Centred first, clear of the fixed header and bottom navigation, as a user would
        // scroll to it before tapping.
        element.scrollIntoView({ block: 'center', inline: 'nearest' });
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return {
          name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
          width: box.width,
          height: box.height,
          left: box.left,
          right: box.right,
          onTop: hit !== null && (hit === element || element.contains(hit)),
          // The skip link waits above the screen until it receives focus.
          skipLink: element.getAttribute('href') === '#main',
        };
      }),
    )
    .then((all) => all.filter((control) => !control.skipLink));
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(controls.length).toBeGreaterThan(3);
  for (const control of controls) {
    expect(control.height, `height of "${control.name}"`).toBeGreaterThanOrEqual(44);
    expect(control.width, `width of "${control.name}"`).toBeGreaterThanOrEqual(44);
    expect(control.left, `left edge of "${control.name}"`).toBeGreaterThanOrEqual(0);
    expect(control.right, `right edge of "${control.name}"`).toBeLessThanOrEqual(390);
    expect(control.onTop, `"${control.name}" is covered or clipped`).toBe(true);
  }
  // Nothing may stick out sideways on a 390 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('logging in through the login page', () => {
  it('sends a visitor of / to the login page with the username field focused', async () => {
    const { page, pageErrors } = await browse();
    await page.goto('/');
    await page.waitForURL('**/login');
    await heading(page, 'Đăng nhập');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'username',
    );
    await screenshot(page, 'login');
    expect(pageErrors).toEqual([]);
  });

  it('takes the operator to the 1022 console, where procedures can be looked up without diacritics', async () => {
    const { page, pageErrors } = await signInAndLand('operator1', 'Tổng đài 1022', '/operator');

    await page.getByLabel('Tên thủ tục, mã thủ tục hoặc lĩnh vực').fill('ly lich tu phap');
    const card = page.getByRole('article').filter({ hasText: 'Cấp Phiếu lý lịch tư pháp số 2' });
    await card.waitFor();
    expect(await card.textContent()).toContain('200.000\u00a0₫');
    expect(await card.textContent()).toContain('10 ngày làm việc');

    await page.getByLabel('Tên thủ tục, mã thủ tục hoặc lĩnh vực').fill('dang ky ket hon');
    const inPerson = page.getByRole('article').filter({ hasText: 'Đăng ký kết hôn' });
    await inPerson.getByText('Phải nộp trực tiếp').waitFor();
    await screenshot(page, 'operator1');
    expect(pageErrors).toEqual([]);
  });

  it('takes the dispatcher to the map, which shows jobs and couriers even without map tiles', async () => {
    const { page, pageErrors } = await signInAndLand(
      'dispatcher1',
      'Bản đồ điều phối',
      '/dispatch',
    );
    await page.locator('.leaflet-container').waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(1);
    await screenshot(page, 'dispatcher1');
    expect(pageErrors).toEqual([]);
  });

  it('takes the courier to today’s jobs on a phone, with thumb-sized controls', async () => {
    const { page, pageErrors } = await signInAndLand('courier1', 'Việc hôm nay', '/courier', PHONE);

    await expectThumbSizedControls(page);
    await screenshot(page, 'courier1');

    await page.getByRole('link', { name: 'Tài khoản' }).tap();
    await heading(page, 'Tài khoản');
    await page.getByText('courier1', { exact: true }).waitFor();
    await expectThumbSizedControls(page);
    await screenshot(page, 'courier1-account');
    expect(pageErrors).toEqual([]);
  });

  it('takes the manager to the dashboard of their unit', async () => {
    const { page, pageErrors } = await signInAndLand('manager1', 'Tổng quan đơn vị', '/manager');
    await page.getByRole('region', { name: 'Công việc', exact: true }).waitFor();
    await screenshot(page, 'manager1');
    expect(pageErrors).toEqual([]);
  });

  it('takes the admin to administration with the list of users', async () => {
    const { page, pageErrors } = await signInAndLand('admin', 'Quản trị', '/admin');
    await page.getByRole('cell', { name: /courier1\s*Nguyễn Văn Hùng/ }).waitFor();
    await screenshot(page, 'admin');
    expect(pageErrors).toEqual([]);
  });

  it('says so when the password is wrong, and stays on the login page', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'operator2', 'not-the-password');
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(pathOf(page)).toBe('/login');
    await screenshot(page, 'login-wrong-password');
    expect(pageErrors.filter((m) => !m.includes('401'))).toEqual([]);
  });

  it('logs out back to the login page and forgets the session', async () => {
    const { page } = await browse();
    await logIn(page, 'operator3');
    await heading(page, 'Tổng đài 1022');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    // Exactly /login: a plain logout is not an expired session and has no page to return to.
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
    await heading(page, 'Đăng nhập');

    await page.goto('/operator');
    await page.waitForURL(/\/login/);
    await heading(page, 'Đăng nhập');
  });

  it('sends a user whose session ended to the login page with the reason, and back afterwards', async () => {
    const { page, context } = await browse();
    await logIn(page, 'operator2');
    await heading(page, 'Tổng đài 1022');
    // The server forgets nobody on its own in a test run, so the session "ends" by losing the cookie.
    await context.clearCookies();
    await page.getByLabel('Tên thủ tục, mã thủ tục hoặc lĩnh vực').fill('khai sinh');
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('expired') === '1',
    );
    await page.getByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.').waitFor();
    await screenshot(page, 'login-expired');

    await page.getByLabel('Tên đăng nhập').fill('operator2');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await heading(page, 'Tổng đài 1022');
    expect(pathOf(page)).toBe('/operator');
  });

  it('refuses one role’s page to another role with a link home', async () => {
    const { page } = await browse(PHONE);
    await logIn(page, 'courier2');
    await heading(page, 'Việc hôm nay');
    await page.goto('/admin');
    await heading(page, 'Không có quyền truy cập');
    await expectThumbSizedControls(page);
    await screenshot(page, 'courier2-forbidden');
    await page.getByRole('link', { name: 'Về trang của tôi' }).click();
    await heading(page, 'Việc hôm nay');
  });

  it('switches to English and remembers the choice', async () => {
    const { page } = await browse();
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Log in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await heading(page, 'Log in');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await heading(page, 'Đăng nhập');
  });
});
