import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { PHONE, SCREENSHOTS, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

// A ward of the demo's area, typed as an operator in a hurry types it (no diacritics), the
// office serving it in the demo's service areas, and the dispatcher and a courier of that office.
const WARD_TYPED = 'binh loc';
const WARD_NAME = 'Phường Bình Lộc';
const DISPATCHER = 'dispatcher2';
const COURIER = { username: 'courier12', fullName: 'Lý Minh Quân' };
// A position in that ward, typed into the pin picker's coordinate inputs.
const PIN = { lat: '10.9852', lng: '107.2415' };
const SECOND_PIN = { lat: '10.9868', lng: '107.2433' };

type JobView = {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  wardCode: string | null;
  lat: number | null;
  lng: number | null;
  citizen: { id: string };
  locationSource?: string | null;
};

async function jobByCode(page: Page, code: string): Promise<JobView> {
  const res = await page.request.get(`/api/jobs?q=${code}`);
  expect(res.status()).toBe(200);
  const job = ((await res.json()) as { items: JobView[] }).items.find((j) => j.code === code);
  expect(job, `job ${code}`).toBeDefined();
  return job!;
}

/** A fresh mobile number nobody in the demo has (a new caller). */
function newPhone(): string {
  return `0908${String(Date.now()).slice(-6)}`;
}

describe('places: a new address gets its ward, its office and a pin', () => {
  it('creates a job for a new caller in the ward’s office with a pin; the dispatcher sees it on the map and pins a job from the “no position” list; the courier gets directions', async () => {
    // The operator logs a call from a new caller and drafts the job.
    const op = await browse();
    const page = op.page;
    await logIn(page, 'operator1');
    await page.waitForURL('**/operator');
    await page.getByRole('textbox', { name: /Ghi cuộc gọi theo số/ }).fill(newPhone());
    await page.getByRole('textbox', { name: /Ghi cuộc gọi theo số/ }).press('Enter');
    await page.locator('#call-category').waitFor();
    await page.getByLabel('Họ tên người gọi').fill('Trương Thị Mai Anh');
    await page.locator('#call-category').selectOption('pickup_request');
    await page.locator('#call-content').fill('Xin nhận hồ sơ cấp phiếu lý lịch tư pháp tại nhà');
    await page.getByRole('button', { name: /Tạo việc tại nhà/ }).click();

    await page.locator('#job-procedure').fill('ly lich tu phap');
    await page.locator('#job-procedure-list [role=option]').first().click();

    // The address the 2025 way: street, then the ward chosen by typing it without diacritics.
    await page.getByLabel('Số nhà, đường').fill('25 Hùng Vương');
    const ward = page.locator('#job-ward');
    await ward.fill(WARD_TYPED);
    const option = page
      .locator('#job-ward-list')
      .getByRole('option', { name: new RegExp(WARD_NAME) });
    await option.waitFor();
    const served = /Bưu cục phụ trách: (.+)$/.exec((await option.textContent()) ?? '');
    expect(served, 'the ward’s option names its office').not.toBeNull();
    const office = served![1]!.trim();
    // The best match comes first and is active: Enter takes it.
    await expect
      .poll(() => page.locator('#job-ward-list [role=option]').first().textContent())
      .toContain(WARD_NAME);
    await ward.press('Enter');
    expect(await ward.inputValue()).toBe(WARD_NAME);
    await page.getByText(`Bưu cục phụ trách: ${office}`, { exact: true }).waitFor();
    // The office follows from the ward (no override, so no reason asked).
    expect(await page.locator('#job-unit option:checked').textContent()).toContain(office);
    expect(await page.locator('#job-unit-reason').count()).toBe(0);

    // No position yet: the pin picker is open; the keyboard's way is to type the coordinates.
    await page.getByText('Chưa có vị trí trên bản đồ', { exact: false }).waitFor();
    await page.locator('#job-pin-lat').fill('99');
    await page.locator('#job-pin-lng').fill(PIN.lng);
    await page.getByText('Tọa độ nằm ngoài Việt Nam', { exact: false }).waitFor();
    await page.locator('#job-pin-lat').fill(PIN.lat);
    await page
      .getByText(`Vị trí: ${Number(PIN.lat).toFixed(5)}, ${Number(PIN.lng).toFixed(5)} (đã ghim).`)
      .waitFor();
    expect(await page.locator('.leaflet-marker-icon').count()).toBe(1);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'places-operator-form.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Tạo việc Ctrl+Enter' }).click();
    const created = page.getByText(/Đã tạo việc (TN\d{10}), hạn/);
    await created.waitFor({ timeout: 15_000 });
    const code = /TN\d{10}/.exec((await created.textContent()) ?? '')![0];
    const job = await jobByCode(page, code);
    expect(job.unitName).toBe(office);
    expect(job.lat).toBeCloseTo(Number(PIN.lat), 5);
    expect(job.lng).toBeCloseTo(Number(PIN.lng), 5);
    expect(job.wardCode).toMatch(/^\d{5}$/);

    // A second job for the same caller with no position yet (as a typed job without a pin).
    const bare = await page.request.post('/api/jobs', {
      data: {
        type: 'home_assistance',
        citizenId: job.citizen.id,
        wardCode: job.wardCode,
        addressText: '27 Hùng Vương, ' + WARD_NAME,
      },
    });
    expect(bare.status(), await bare.text()).toBe(201);
    const bareCode = ((await bare.json()) as { code: string }).code;

    // The dispatcher of that office finds the pinned job on the map.
    const disp = await browse();
    await logIn(disp.page, DISPATCHER);
    await disp.page.waitForURL('**/dispatch');
    await disp.page.getByLabel('Tìm theo mã việc, tên, địa chỉ, mã hồ sơ').fill(code);
    await disp.page.getByRole('list', { name: /^Việc/ }).getByText(code).waitFor();
    await disp.page.locator(`.leaflet-marker-icon[title^="${code}"]`).waitFor();

    // The job without a position waits in "Chưa có vị trí"; one click opens it at the pin picker.
    await disp.page.getByRole('tab', { name: /^Chưa có vị trí/ }).click();
    await disp.page.getByRole('button', { name: `Ghim vị trí cho việc ${bareCode}` }).click();
    const drawer = disp.page.getByRole('complementary', { name: bareCode });
    await drawer.locator('#drawer-pin-lat').waitFor();
    await drawer.locator('#drawer-pin-lat').fill(SECOND_PIN.lat);
    await drawer.locator('#drawer-pin-lng').fill(SECOND_PIN.lng);
    await drawer.getByLabel('Lý do (không bắt buộc)').fill('Công dân mô tả: cạnh chợ Bình Lộc');
    await disp.page.screenshot({ path: path.join(SCREENSHOTS, 'places-drawer-pin.png') });
    await drawer.getByRole('button', { name: 'Lưu vị trí' }).click();
    await drawer
      .getByText(
        `${Number(SECOND_PIN.lat).toFixed(5)}, ${Number(SECOND_PIN.lng).toFixed(5)} · đã ghim`,
      )
      .waitFor();
    // The timeline shows the change from no position to the pin.
    await drawer.getByText(/Chưa có vị trí → 10\.98680, 107\.24330/).waitFor();
    await drawer.getByText('Công dân mô tả: cạnh chợ Bình Lộc').waitFor();
    // …and the job has left the list.
    await disp.page
      .getByRole('button', { name: `Ghim vị trí cho việc ${bareCode}` })
      .waitFor({ state: 'detached' });
    await disp.page.getByRole('button', { name: 'Đóng' }).click();
    await disp.page.screenshot({ path: path.join(SCREENSHOTS, 'places-unplaced-list.png') });

    // Assigned to a courier of the office, the job on the courier's phone offers directions.
    const couriers = await disp.page.request.get('/api/couriers');
    const courierId = (
      (await couriers.json()) as { items: { id: string; fullName: string }[] }
    ).items.find((c) => c.fullName === COURIER.fullName)?.id;
    expect(courierId).toBeDefined();
    const assigned = await disp.page.request.post(`/api/jobs/${job.id}/assign`, {
      data: { courierId },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);
    const phone = await browse(PHONE);
    await logIn(phone.page, COURIER.username);
    await phone.page.waitForURL('**/courier');
    await phone.page.goto(`/courier/jobs/${job.id}`);
    const directions = phone.page.locator(`a[href^="geo:${job.lat},${job.lng}"]`).first();
    await directions.waitFor();

    expect(op.pageErrors).toEqual([]);
    expect(disp.pageErrors).toEqual([]);
  });
});
