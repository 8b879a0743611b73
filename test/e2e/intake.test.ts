import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { sampleBadRows } from '../../server/src/demo/demo-results-export';
import { logIn, sign } from './support/actions';
import { PHONE, SCREENSHOTS, useServerWithBrowser } from './support/suite';

const suite = useServerWithBrowser(SCREENSHOTS);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const ROWS = 200;

/** The column each kind of bad row is blamed on, as the sample export's header writes it. */
const BLAMED: Record<string, RegExp> = {
  unknown_ward: /cột Phường\/Xã/,
  bad_phone: /cột Số điện thoại/,
  duplicate: /cột Mã hồ sơ/,
  in_person: /cột (Mã thủ tục|Tên thủ tục)/,
};

/** The figure under one of the summary's terms ("Sẽ tạo", "Đã tạo", …). */
const count = (page: Page, term: string) =>
  page
    .locator('dl[aria-label="Tóm tắt"]')
    .locator('div', { has: page.getByText(term, { exact: true }) })
    .locator('dd');

/** Chooses the file in the import's file field and asks for the preview. */
async function preview(page: Page, file: string) {
  await page.getByLabel('Tệp xuất từ hệ thống một cửa (.xlsx, .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await page
    .getByRole('table', { name: 'Các dòng của tệp' })
    .or(page.getByText('Không có dòng nào trong mục này.'))
    .waitFor();
}

type ImportedJob = {
  id: string;
  code: string;
  dossierCode: string | null;
  lat: number | null;
  courier: { id: string; fullName: string } | null;
};

/** The file's dossier codes (second column; the sample label and the header come first). */
const dossierCodes = (csv: string) =>
  new Set(
    csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(2)
      .map((line) => line.split(',')[1] ?? '')
      .filter(Boolean),
  );

/** Open results of the file that the page's user sees (a dispatcher: their offices'). */
async function importedJobs(page: Page, codes: Set<string>, query = '') {
  const res = await page.request.get(
    `/api/jobs?type=result_delivery&open=true&pageSize=500${query}`,
  );
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: ImportedJob[] };
  return items.filter((j) => j.dossierCode !== null && codes.has(j.dossierCode));
}

/** Types a code into the counter screen and presses Enter, as a scanner in keyboard mode does. */
async function scan(page: Page, code: string) {
  const input = page.getByTestId('pickup-code-input');
  await input.fill(code);
  await input.press('Enter');
}

/**
 * The day after the import: dispatcher1 finds an imported result on the map, pins one that
 * came without a position, plans the day with it; the courier who gets it collects the
 * office's results at the agency's counter by scanning, and a wrong code is refused.
 */
async function dayAfterImport(admin: Page, codes: Set<string>) {
  const desk = await suite.browse();
  const disp = desk.page;
  await logIn(disp, 'dispatcher1');
  await disp.waitForURL('**/dispatch');
  const mine = await importedJobs(disp, codes);
  const placed = mine.find((j) => j.lat !== null);
  const unplaced = mine.find((j) => j.lat === null);
  expect(placed, 'an imported result placed from its saved address').toBeDefined();
  expect(unplaced, 'an imported result with no position').toBeDefined();

  // On the map: the result placed from the caller's saved address.
  const search = disp.getByLabel('Tìm theo mã việc, tên, địa chỉ, mã hồ sơ');
  await search.fill(placed!.dossierCode!);
  await disp.getByRole('list', { name: /^Việc/ }).getByText(placed!.code).waitFor();
  await disp.locator(`.leaflet-marker-icon[title^="${placed!.code}"]`).waitFor();
  await search.fill('');

  // The one without a position waits in "Chưa có vị trí": one click, pin, save.
  await disp.getByRole('tab', { name: /^Chưa có vị trí/ }).click();
  await disp.getByRole('button', { name: `Ghim vị trí cho việc ${unplaced!.code}` }).click();
  const drawer = disp.getByRole('complementary', { name: unplaced!.code });
  await drawer.locator('#drawer-pin-lat').fill('10.95120');
  await drawer.locator('#drawer-pin-lng').fill('106.82840');
  await drawer.getByRole('button', { name: 'Lưu vị trí' }).click();
  await drawer.getByText('10.95120, 106.82840 · đã ghim').waitFor();
  await disp.getByRole('button', { name: 'Đóng' }).click();
  await search.fill(unplaced!.code);
  await disp.locator(`.leaflet-marker-icon[title^="${unplaced!.code}"]`).waitFor();

  // The day's plan takes the newly pinned result.
  await disp.getByRole('link', { name: 'Lập lộ trình' }).click();
  await disp.getByRole('heading', { level: 1, name: 'Lập lộ trình trong ngày' }).waitFor();
  await disp.getByLabel('Bắt đầu từ (không bắt buộc)').fill('08:00');
  await disp.getByRole('button', { name: 'Lập lộ trình' }).click();
  await disp.getByTestId('plan-summary').waitFor({ timeout: 120_000 });
  const stop = disp.locator(`[data-testid="plan-stop"][data-job-id="${unplaced!.id}"]`);
  await stop.waitFor();
  await disp.getByRole('button', { name: 'Chốt lộ trình' }).click();
  await disp.getByRole('button', { name: 'Chốt và báo bưu tá' }).click();
  await disp.getByText('Đã chốt lộ trình').waitFor({ timeout: 30_000 });
  await shot(disp, 'intake-plan');

  // The courier of that route collects their results at the counter.
  const routed = await importedJobs(disp, codes);
  const courier = routed.find((j) => j.id === unplaced!.id)?.courier;
  expect(courier, 'the pinned result has a courier after the plan').toBeTruthy();
  const batch = routed.filter((j) => j.courier?.id === courier!.id).slice(0, 3);
  const users = await admin.request.get('/api/admin/users');
  const username = (
    (await users.json()) as { items: { username: string; fullName: string }[] }
  ).items.find((u) => u.fullName === courier!.fullName)?.username;
  expect(username).toBeDefined();

  const { page: phone, pageErrors } = await suite.browse(PHONE);
  await logIn(phone, username!);
  await phone.getByRole('link', { name: 'Nhận kết quả tại quầy' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Nhận kết quả tại quầy' }).waitFor();
  const wrong = 'H48.99.99-261231-9999';
  for (const j of batch) await scan(phone, j.dossierCode!);
  await scan(phone, wrong);
  const list = phone.getByTestId('pickup-codes');
  for (const j of batch)
    await list.locator(`li[data-code="${j.dossierCode}"][data-state="ok"]`).waitFor();
  const refused = list.locator(`li[data-code="${wrong}"][data-state="refused"]`);
  await refused.waitFor();
  expect(await refused.textContent()).toContain('Mã không có trong hệ thống');
  await phone.getByText(`${batch.length} kết quả hợp lệ`).waitFor();

  await phone.getByLabel('Cơ quan giao kết quả').fill('Trung tâm Phục vụ hành chính công tỉnh');
  await phone.getByLabel('Họ tên cán bộ giao').fill('Nguyễn Thị Hồng');
  await sign(phone, 'Chữ ký cán bộ giao');
  await phone.getByRole('button', { name: `Xác nhận nhận kết quả (${batch.length})` }).click();
  await phone
    .getByRole('heading', { level: 1, name: 'Biên bản giao nhận kết quả' })
    .waitFor({ timeout: 30_000 });
  const items = phone.getByTestId('pickup-record-items');
  for (const j of batch) expect(await items.textContent()).toContain(j.dossierCode);
  expect(await items.textContent()).not.toContain(wrong);
  await shot(phone, 'intake-counter-record');
  expect(pageErrors, JSON.stringify(pageErrors)).toEqual([]);
  expect(desk.pageErrors, JSON.stringify(desk.pageErrors)).toEqual([]);
}

describe('results intake', () => {
  it('previews a one-stop export naming each bad row, commits the good ones, a second import creates nothing; the dispatcher maps, pins and plans them; the courier collects them at the counter by scanning', async () => {
    const { page } = suite.browser;
    await logIn(page, 'admin');
    await page.waitForURL('**/admin');

    // The one-stop export: 200 synthetic results, a few of them bad (generated by the server's
    // sample generator from the demo's wards and procedures).
    const answer = await page.request.get(
      `/api/intake/sample-export?rows=${ROWS}&format=csv&bad=true`,
    );
    expect(answer.status()).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'tn-intake-'));
    const file = path.join(dir, 'ket-qua-mot-cua.csv');
    const csv = await answer.body();
    await writeFile(file, csv);
    const bad = sampleBadRows(ROWS, true);
    const good = ROWS - bad.length;

    await page.getByRole('tab', { name: 'Nhập kết quả' }).click();
    await page.getByText('Chưa có lần nhập nào').waitFor();
    await preview(page, file);

    // The preview names every bad row with its line and the file's column.
    await expect.poll(() => count(page, 'Sẽ tạo').textContent()).toBe(String(good));
    expect(await count(page, 'Bị từ chối').textContent()).toBe(String(bad.length));
    const table = page.getByRole('table', { name: 'Các dòng của tệp' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(bad.length);
    const texts = await rows.allTextContents();
    for (const b of bad) {
      const row = texts.find((t) => BLAMED[b.kind]!.test(t));
      expect(row, `a row blamed for ${b.kind}`).toBeDefined();
      expect(row).toContain('Từ chối');
    }
    await shot(page, 'intake-preview');

    // Commit: the good rows become jobs in their wards' post offices.
    await page.getByRole('button', { name: `Ghi vào hệ thống (${good} dòng)` }).click();
    await page.getByText('Đã ghi vào hệ thống').waitFor();
    expect(await count(page, 'Đã tạo').textContent()).toBe(String(good));
    expect(await count(page, 'Bị từ chối').textContent()).toBe(String(bad.length));
    await page.getByRole('table', { name: /Các dòng bị từ chối/ }).waitFor();
    const history = page.getByRole('table', { name: 'Các lần nhập' });
    await history.getByRole('cell', { name: 'ket-qua-mot-cua.csv' }).waitFor();
    await shot(page, 'intake-committed');

    // The same file again: the preview says when it went in, and nothing is left to write.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await preview(page, file);
    await page
      .getByText(/Tệp này đã được nhập 1 lần, gần nhất lúc .* bởi Quản trị hệ thống/)
      .waitFor();
    await expect.poll(() => count(page, 'Sẽ tạo').textContent()).toBe('0');
    expect(await count(page, 'Không đổi').textContent()).toBe(String(good));
    await page.getByText('Không có dòng nào để ghi').waitFor();
    expect(await page.getByRole('button', { name: /Ghi vào hệ thống/ }).isDisabled()).toBe(true);

    // The import's record keeps the refused rows.
    await history.getByRole('button', { name: 'Xem các dòng bị từ chối' }).first().click();
    const refused = page.getByRole('table', { name: /Các dòng bị từ chối của lần nhập/ });
    await refused.waitFor();
    expect(await refused.locator('tbody tr').count()).toBe(bad.length);

    await dayAfterImport(page, dossierCodes(csv.toString('utf8')));
  });

  it("creates an agency's API key showing its secret once, revokes it, and moves a ward between post offices", async () => {
    const { page } = suite.browser;
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Khóa API' }).click();
    await page.getByText('Chưa có khóa API nào').waitFor();
    const form = page.getByRole('form', { name: 'Tạo khóa' });
    await form.getByLabel('Tên (cơ quan, hệ thống)').fill('Trung tâm Phục vụ hành chính công');
    await form.getByRole('button', { name: 'Tạo khóa' }).click();
    const secret = (await page.getByLabel('Khóa bí mật').textContent()) ?? '';
    expect(secret).toMatch(/^tn1022_[A-Za-z0-9]+_[A-Za-z0-9_-]{40,}$/);
    await page.getByText('Khóa sẽ không được hiển thị lại').waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
    const keys = page.getByRole('table', { name: 'Các khóa (1)' });
    await keys
      .getByRole('cell', { name: 'Trung tâm Phục vụ hành chính công', exact: true })
      .waitFor();
    expect(await page.content()).not.toContain(secret);
    await keys
      .getByRole('button', { name: 'Thu hồi khóa Trung tâm Phục vụ hành chính công' })
      .click();
    await page.getByRole('button', { name: 'Thu hồi khóa', exact: true }).click();
    await keys.getByText(/Đã thu hồi \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/).waitFor();

    // Service areas: Phường Long Bình moves from its office to Trảng Dài's, found without accents.
    await page.getByRole('tab', { name: 'Địa bàn phục vụ' }).click();
    const trangDai = page.getByRole('region', { name: 'Bưu cục Trảng Dài' });
    await trangDai.getByLabel('Thêm phường/xã cho Bưu cục Trảng Dài').fill('long binh');
    await trangDai.getByText('đang thuộc Bưu cục Long Bình').waitFor();
    await trangDai.getByRole('button', { name: 'Thêm Phường Long Bình' }).click();
    await trangDai.getByText('chuyển từ Bưu cục Long Bình').waitFor();
    await trangDai.getByRole('button', { name: 'Lưu địa bàn' }).click();
    await page.getByText('Đã lưu địa bàn của Bưu cục Trảng Dài.').waitFor();
    await trangDai.getByRole('button', { name: 'Bỏ Phường Long Bình' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Bưu cục Long Bình' })
          .getByRole('button', { name: 'Bỏ Phường Long Bình' })
          .count(),
      )
      .toBe(0);
    await shot(page, 'intake-service-areas');
  });

  it('lets a dispatcher reach the import from the menu', async () => {
    const { page } = await suite.browse();
    await logIn(page, 'dispatcher1');
    await page.waitForURL('**/dispatch');
    await page.getByRole('link', { name: 'Nhập kết quả' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập kết quả' }).waitFor();
    await page.getByLabel('Tệp xuất từ hệ thống một cửa (.xlsx, .csv)').waitFor();
    // The admin imported for the whole province: a post office's dispatcher does not see it.
    await page.getByRole('heading', { name: 'Các lần nhập' }).waitFor();
  });
});
