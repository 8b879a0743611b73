import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn, sign, call } from './support/actions';
import { SCREENSHOTS, PHONE, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

/**
 * Three finished results waiting at the agency for courier1's post office, created by the
 * dispatcher through the API (result deliveries with their dossier codes, nobody assigned).
 */
async function resultsAtTheAgency(unitId: string) {
  const office = await browse();
  await logIn(office.page, 'dispatcher1');
  await office.page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
  const day = new Date().toISOString().slice(2, 10).replace(/-/g, '');
  // Fixed numbers under an agency segment no demo seeder uses: the same codes on every run.
  const base = 9001;
  const people = ['Phan Thị Lan', 'Võ Minh Tuấn', 'Huỳnh Thị Ngọc'];
  const results: { id: string; code: string; dossierCode: string }[] = [];
  for (const [i, fullName] of people.entries()) {
    const citizen = await call(office.page, 'POST', '/api/citizens', {
      fullName,
      phone: `+8491322${String(base + i).padStart(4, '0')}`,
    });
    expect(citizen.status, JSON.stringify(citizen.body)).toBe(201);
    const dossierCode = `H48.19.90-${day}-${base + i}`;
    const created = await call(office.page, 'POST', '/api/jobs', {
      type: 'result_delivery',
      unitId,
      citizenId: citizen.body.id,
      dossierCode,
      addressText: `${12 + i} Võ Thị Sáu, phường Trấn Biên, Đồng Nai`,
      lat: 10.95 + i / 1000,
      lng: 106.82,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const job = (created.body.job ?? created.body) as { id: string; code: string };
    results.push({ id: job.id, code: job.code, dossierCode });
  }
  return results;
}

/** Types a code in the input and presses Enter, as a barcode scanner in keyboard mode does. */
async function scan(page: Page, code: string) {
  const input = page.getByTestId('pickup-code-input');
  await input.fill(code);
  await input.press('Enter');
}

describe('the courier collects finished results at the agency’s counter', () => {
  it('scans three results and a wrong code, the wrong one is refused on screen, the clerk signs, the record lists the three and the jobs are picked up', async () => {
    const { page, pageErrors } = await browse(PHONE);
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    const me = (await call(page, 'GET', '/api/me')).body.user as { id: string; unitId: string };
    const results = await resultsAtTheAgency(me.unitId);

    // From today's jobs to the counter screen.
    await page.getByRole('link', { name: 'Nhận kết quả tại quầy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận kết quả tại quầy' }).waitFor();

    const wrong = 'H48.99.99-261207-0001';
    await scan(page, results[0]!.dossierCode.toLowerCase());
    await scan(page, results[1]!.dossierCode);
    await scan(page, wrong);
    await scan(page, results[2]!.dossierCode);

    const list = page.getByTestId('pickup-codes');
    for (const r of results)
      await list.locator(`li[data-code="${r.dossierCode}"][data-state="ok"]`).waitFor();
    const refused = list.locator(`li[data-code="${wrong}"][data-state="refused"]`);
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Mã không có trong hệ thống');
    await page.getByText('3 kết quả hợp lệ').waitFor();
    // The citizen's name is shown as on public papers until the result is the courier's.
    expect(
      await list.locator(`li[data-code="${results[0]!.dossierCode}"]`).textContent(),
    ).toContain('P. T. Lan');
    // The same code scanned twice is refused, and the batch stays at three.
    await scan(page, results[1]!.dossierCode);
    await list
      .locator(`li[data-code="${results[1]!.dossierCode}"][data-state="refused"]`)
      .waitFor();
    await page.getByText('Mã này đã có trong danh sách.').waitFor();
    await page.getByText('3 kết quả hợp lệ').waitFor();
    await list
      .locator(`li[data-code="${results[1]!.dossierCode}"][data-state="refused"]`)
      .getByRole('button', { name: /Ẩn dòng báo lỗi/ })
      .click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'counter-pickup-scan.png'),
      fullPage: true,
    });

    // The clerk must sign; then one action for the batch.
    const submit = page.getByRole('button', { name: 'Xác nhận nhận kết quả (3)' });
    await page.getByLabel('Cơ quan giao kết quả').fill('Trung tâm Phục vụ hành chính công tỉnh');
    await submit.click();
    await page.getByText('Cần chữ ký của cán bộ giao.').waitFor();
    await page.getByLabel('Họ tên cán bộ giao').fill('Nguyễn Thị Hồng');
    await sign(page, 'Chữ ký cán bộ giao');
    await submit.click();

    await page
      .getByRole('heading', { level: 1, name: 'Biên bản giao nhận kết quả' })
      .waitFor({ timeout: 30_000 });
    await page.getByText('Đã nhận 3 kết quả.', { exact: false }).waitFor();
    const recordNo = await page.getByTestId('record-no').textContent();
    expect(recordNo).toMatch(/\/BBNKQ-\d{5}$/);
    const table = page.getByTestId('pickup-record-items');
    for (const r of results) expect(await table.textContent()).toContain(r.dossierCode);
    expect(await table.textContent()).not.toContain(wrong);
    await page.getByRole('img', { name: 'Chữ ký của Nguyễn Thị Hồng' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: 'Chữ ký của Nguyễn Thị Hồng' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'counter-pickup-record.png'),
      fullPage: true,
    });

    // The results are the courier's now, picked up, on today's list.
    for (const r of results) {
      const job = await call(page, 'GET', `/api/jobs/${r.id}`);
      expect(job.body).toMatchObject({ status: 'picked_up', courier: { id: me.id } });
    }
    await page.getByRole('link', { name: 'Về danh sách việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    for (const r of results) {
      const card = page.getByRole('listitem').filter({ hasText: r.code });
      await card.first().waitFor();
      expect(await card.first().textContent()).toContain('Đã lấy kết quả');
    }

    // Scanned again later: refused, it is already picked up.
    await page.goto('/courier/counter-pickup');
    expect(
      await page.getByTestId('pickup-code-input').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await scan(page, results[0]!.dossierCode);
    await list
      .locator(`li[data-code="${results[0]!.dossierCode}"][data-state="refused"]`)
      .waitFor();
    await page.getByText('Kết quả này đã được nhận trước đó.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
