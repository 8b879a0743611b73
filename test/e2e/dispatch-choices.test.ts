import path from 'node:path';

import { addDays, formatVnDate, toVnDate } from '@tannha/shared';
import { describe, expect, it } from 'vitest';

import { call, logIn } from './support/actions';
import { SCREENSHOTS, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

/** dd/MM/yyyy of a local date (yyyy-MM-dd). */
const dmy = (iso: string) => formatVnDate(`${iso}T12:00:00+07:00`);

describe('the dispatcher is offered only what the server accepts', () => {
  it("the assign panel lists only couriers of the job's post office and says why others are missing", async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'dispatcher1');
    await page.waitForURL('**/dispatch');
    const list = page.getByRole('list', { name: /^Việc/ });
    await page.getByLabel('Hiển thị').selectOption('unassigned');
    await page.getByLabel('Tìm theo mã việc, tên, địa chỉ, mã hồ sơ').fill('tran bien');
    const row = list.getByRole('button').first();
    await row.waitFor();
    const code = /TN\d{10}/.exec((await row.textContent()) ?? '')?.[0] ?? '';
    await row.click();
    const drawer = page.getByRole('complementary', { name: code });
    await drawer.getByText('Hoặc chọn bưu tá').waitFor();
    const why = drawer.getByText(/^Chỉ hiện bưu tá của /);
    await why.waitFor();
    const unit = /^Chỉ hiện bưu tá của (.+?) \(và đơn vị trực thuộc\)/.exec(
      (await why.textContent()) ?? '',
    )?.[1];
    expect(unit).toBeTruthy();
    const picker = drawer.getByLabel('Hoặc chọn bưu tá');
    const options = await picker
      .locator('option:not([value=""])')
      .evaluateAll((els) =>
        els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? '' })),
      );
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) expect(o.label).toContain(` · ${unit} · `);

    // Whoever is offered, the server takes.
    await picker.selectOption(options[0]!.value);
    await drawer.getByRole('button', { name: 'Giao việc', exact: true }).click();
    const name = options[0]!.label.split(' · ')[0]!;
    await drawer.getByRole('status').filter({ hasText: name }).waitFor();
    expect(await drawer.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dispatch-picker.png') });

    // The overdue tab and the filter say "Quá hạn".
    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('tab', { name: /^Quá hạn \(\d+\)/ }).waitFor();
    await page.getByLabel('Hiển thị').selectOption({ label: 'Quá hạn' });
    expect(pageErrors).toEqual([]);
  });

  it('the planner reads and takes dates as dd/MM/yyyy, and an error does not outlive a later success', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'dispatcher1');
    await page.getByRole('link', { name: 'Lập lộ trình' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập lộ trình trong ngày' }).waitFor();
    const date = page.getByLabel('Ngày', { exact: true });
    const today = toVnDate(new Date());
    const shown = await date.inputValue();
    // The page may have opened just before midnight in Vietnam.
    expect([dmy(today), dmy(addDays(today, -1))]).toContain(shown);
    await date.fill('31/02/2026');
    await page.getByText('Ngày không hợp lệ').first().waitFor();
    await date.fill(dmy(toVnDate(new Date())));
    expect(await page.getByText('Ngày không hợp lệ').count()).toBe(0);

    await page.getByLabel('Bắt đầu từ (không bắt buộc)').fill('08:00');
    await page.getByRole('button', { name: 'Lập lộ trình' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });

    // Someone changes a planned job meanwhile: the commit is refused…
    const stop = page.getByTestId('plan-stop').first();
    const stopCode = (await stop.locator('strong').first().textContent())?.trim() ?? '';
    const found = await call(page, 'GET', `/api/jobs?q=${stopCode}`);
    const job = (found.body as { items: { id: string; courier: { id: string } | null }[] })
      .items[0]!;
    const changed = job.courier
      ? await call(page, 'POST', `/api/jobs/${job.id}/assign`, {
          courierId: null,
          reason: 'Đổi kế hoạch',
        })
      : await call(page, 'POST', `/api/jobs/${job.id}/assign`, {
          courierId: (
            (await call(page, 'GET', `/api/jobs/${job.id}/couriers`)).body as {
              items: { id: string }[];
            }
          ).items[0]!.id,
        });
    expect(changed.status).toBe(200);
    await page.getByRole('button', { name: 'Chốt lộ trình' }).click();
    await page.getByRole('button', { name: 'Chốt và báo bưu tá' }).click();
    const stale = page.getByText(/Lộ trình đã cũ/);
    await stale.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-stale.png'), fullPage: true });
    // …and the dispatcher's next action that succeeds (reordering a stop) takes the old message away.
    const down = page
      .getByRole('button', { name: /xuống sau$/ })
      .and(page.locator(':not([disabled])'));
    await down.first().click();
    await stale.waitFor({ state: 'detached', timeout: 15_000 });
    // Planning again and committing works, with no message left over.
    await page.getByRole('button', { name: 'Lập lại', exact: true }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Chốt lộ trình' }).click();
    await page.getByRole('button', { name: 'Chốt và báo bưu tá' }).click();
    await page.getByText('Đã chốt lộ trình').first().waitFor({ timeout: 20_000 });
    expect(await stale.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
