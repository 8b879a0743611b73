import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { SCREENSHOTS, PHONE, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

/**
 * Listens on the page's own socket.io endpoint with the page's session cookie (a raw
 * engine.io websocket), collecting `jobs.updated` payloads into `window.__jobsUpdated`.
 */
async function listenForJobUpdates(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as {
          __jobsUpdated: { job: { code: string; courier: { id: string } | null } }[];
        };
        w.__jobsUpdated = [];
        const ws = new WebSocket(
          `${location.origin.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
        );
        ws.onmessage = (m) => {
          const data = String(m.data);
          if (data.startsWith('0')) ws.send('40');
          else if (data === '2') ws.send('3');
          else if (data.startsWith('40')) resolve();
          else if (data.startsWith('44')) reject(new Error(data));
          else if (data.startsWith('42')) {
            const [event, payload] = JSON.parse(data.slice(2)) as [string, never];
            if (event === 'jobs.updated') w.__jobsUpdated.push(payload);
          }
        };
        ws.onerror = () => reject(new Error('socket failed'));
      }),
  );
}

describe('the dispatch map', () => {
  it('shows the demo jobs and couriers, assigns a job to a suggested courier, and the courier gets it live', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'dispatcher1');
    await page.waitForURL('**/dispatch');
    await page.getByRole('heading', { level: 1, name: 'Bản đồ điều phối' }).waitFor();

    // Demo jobs in the side list and on the map; couriers on the map.
    const list = page.getByRole('list', { name: /^Việc/ });
    await list.getByRole('button').first().waitFor();
    expect(await list.getByRole('button').count()).toBeGreaterThan(3);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    const markers = await page.locator('.leaflet-marker-icon').count();
    expect(markers).toBeGreaterThan(5);
    await page.getByRole('tab', { name: /^Bưu tá/ }).click();
    await page.getByRole('button', { name: /Nguyễn Văn Hùng/ }).waitFor();
    expect(await page.getByText('Trong ca').count()).toBeGreaterThan(3);

    // An unassigned job of courier1's post office (Trấn Biên).
    await page.getByRole('tab', { name: /^Việc/ }).click();
    await page.getByLabel('Hiển thị').selectOption('unassigned');
    await page.getByLabel('Tìm theo mã việc, tên, địa chỉ, mã hồ sơ').fill('tran bien');
    const row = list.getByRole('button').first();
    await row.waitFor();
    const code = /TN\d{10}/.exec((await row.textContent()) ?? '')?.[0] ?? '';
    expect(code).toMatch(/^TN\d{10}$/);

    // The courier, in a second browser, is listening before the assignment.
    const courier = await browse(PHONE);
    await logIn(courier.page, 'courier1');
    await courier.page.waitForURL('**/courier');
    await listenForJobUpdates(courier.page);
    await courier.page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    expect(await courier.page.getByText(code).count()).toBe(0);

    await row.click();
    const drawer = page.getByRole('complementary', { name: code });
    await drawer.waitFor();
    await drawer.getByText('Gợi ý bưu tá').waitFor();
    const firstSuggestion = drawer
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^Giao cho/ }) })
      .first();
    await firstSuggestion.waitFor();
    expect(await firstSuggestion.textContent()).toMatch(/Cách \d+,\d km/);
    const assignButton = drawer.getByRole('button', { name: 'Giao cho Nguyễn Văn Hùng' });
    await assignButton.click();
    await drawer.getByText(`Đã phân công ${code} cho Nguyễn Văn Hùng.`).waitFor();
    await drawer.getByText('Phân công', { exact: true }).waitFor();
    // Under "unassigned only" the job leaves the list; the drawer and its confirmation stay.
    await list.getByText(code).waitFor({ state: 'detached' });
    expect(await drawer.getByText(`Đã phân công ${code} cho Nguyễn Văn Hùng.`).isVisible()).toBe(
      true,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dispatch-assigned.png') });

    // The courier's browser got the change without reloading, and the job is now in their list.
    await courier.page.waitForFunction(
      (c) =>
        (window as unknown as { __jobsUpdated: { job: { code: string } }[] }).__jobsUpdated.some(
          (p) => p.job.code === c,
        ),
      code,
      { timeout: 5_000 },
    );
    const mine = await courier.page.evaluate(
      async () =>
        (await (await fetch('/api/jobs?open=true&pageSize=200')).json()) as {
          items: { code: string }[];
        },
    );
    expect(mine.items.map((j) => j.code)).toContain(code);
    // …and the courier's own page shows it without a reload (its list otherwise refreshes once a minute).
    await courier.page.getByText(code).first().waitFor({ timeout: 10_000 });
    await courier.page.screenshot({ path: path.join(SCREENSHOTS, 'dispatch-courier-live.png') });

    // The late list names who holds each late job and since when.
    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('tab', { name: /^Quá hạn/ }).click();
    await page.getByRole('columnheader', { name: 'Người giữ' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dispatch-late.png') });
    expect(pageErrors).toEqual([]);
  });
});
