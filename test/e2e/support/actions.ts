import type { Page } from 'playwright-core';

import { DEMO_PASSWORD } from './server';

/** Signs in through the login form (Enter in the password field submits, as on any login form). */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

/**
 * Draws a signature on the pad named `name` with pointer events (a touch-like stroke) and
 * waits for the pad to say it is signed.
 */
export async function sign(page: Page, name: string, done = 'Đã ký'): Promise<void> {
  const canvas = page.getByRole('img', { name });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(
      box.x + 20 + i * 22,
      box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2)),
      { steps: 2 },
    );
  await page.mouse.up();
  await page.getByText(done, { exact: true }).first().waitFor();
}

/**
 * A JSON call from inside the logged-in page, as the app makes it (its cookie and Origin, an
 * Idempotency-Key of its own); answers the status and the parsed body (null when not JSON).
 */
export async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}
