import path from 'node:path';

import { addDays, toVnDate } from '@tannha/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { call, logIn, sign } from './support/actions';
import type { TestBrowser } from './support/browser';
import { PHONE, SCREENSHOTS, useServer } from './support/suite';

/**
 * A whole day at the post office, one role after the other, each checking on its own screen
 * what the previous one wrote: the operator takes the call and books the visits, the
 * dispatcher assigns, the courier goes to the door (partly offline), hands the dossier to the
 * agency with the result date from the appointment slip, the citizen follows it by its code,
 * a wrong result package is refused at pickup, and the manager's figures match dispatch's.
 */

const { browse } = useServer(SCREENSHOTS);

// A small valid JPEG (a 16×16 grey square) as the "photo" the camera would give.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAQABABAREA/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AKp//9k=',
  'base64',
);

const NOTE = 'Gọi trước 15 phút, nhà có chó';
const STAFF = { viewport: { width: 1440, height: 900 } };
/** The number of a caller who hangs up before anyone answers (not in the demo data). */
const DISMISSED = '0913228801';

/** dd/MM/yyyy of a yyyy-MM-dd day, as every screen prints dates. */
const vn = (day: string) => day.split('-').reverse().join('/');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `day-${name}.png`), fullPage: true });

/** What one role leaves for the next; each step checks the earlier ones got this far. */
type Day = {
  today: string;
  tomorrow: string;
  caller: { id: string; phone: string; fullName: string };
  todayJob?: { code: string; id: string };
  tomorrowJob?: { code: string };
  overdueAtDispatch?: number;
  resultDate?: string;
};
const day = {} as Day;
const need = <K extends keyof Day>(key: K): NonNullable<Day[K]> => {
  const v = day[key];
  if (v === undefined || v === null) throw new Error(`an earlier step of the day failed (${key})`);
  return v as NonNullable<Day[K]>;
};

/** The operator's desk, then the dispatcher's (a role each, as in the office). */
let desk: TestBrowser;
let dispatch: TestBrowser;
let phone: TestBrowser;

beforeAll(async () => {
  // "Today" in Vietnam, whatever the machine's clock zone (after 17:00 UTC it is tomorrow there).
  day.today = toVnDate(new Date());
  day.tomorrow = addDays(day.today, 1);
  desk = await browse(STAFF);
  dispatch = await browse(STAFF);
  phone = await browse(PHONE);
});

/** Fills the job form's procedure from an abbreviation; the first match is the one taken. */
async function pickProcedure(page: Page, abbreviation: string, expected: RegExp) {
  await page.locator('#job-procedure').fill(abbreviation);
  const first = page.locator('#job-procedure-list [role=option]').first();
  await first.waitFor({ timeout: 10_000 });
  expect(await first.textContent()).toMatch(expected);
  await page.locator('#job-procedure').press('Enter');
  await page.getByText(expected).first().waitFor();
}

/** Chooses the option of a select whose label contains `text`. */
async function chooseContaining(page: Page, label: string, text: string) {
  const select = page.getByLabel(label);
  const value = await select.evaluate(
    (el: HTMLSelectElement, t) => [...el.options].find((o) => o.text.includes(t))?.value ?? null,
    text,
  );
  expect(value, `"${label}" offers ${text}`).not.toBeNull();
  await select.selectOption(value!);
}

describe('a day at the post office, across roles', () => {
  it('operator: a call pops up, two visits are booked with a note for the courier, a dismissed call waits under "Cần gọi lại"', async () => {
    const { page } = desk;
    await logIn(page, 'operator1');
    await page.waitForURL('**/operator');
    await page.getByRole('heading', { level: 1, name: 'Tổng đài 1022' }).waitFor();
    const found = await call(page, 'GET', '/api/citizens?q=dang%20minh%20dung');
    day.caller = found.body.items[0];
    expect(day.caller.fullName).toBe('Đặng Minh Dũng');

    // The call rings: the caller's card pops up.
    await page.keyboard.press('Alt+S');
    await page.keyboard.type(`0${day.caller.phone.slice(3)}`);
    await page.keyboard.press('Enter');
    const banner = page.getByRole('region', { name: 'Cuộc gọi đến' });
    await banner.getByText('Đặng Minh Dũng').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Alt+A');
    await page.locator('#call-category').waitFor();
    await page.locator('#call-category').selectOption('pickup_request');
    await page.locator('#call-content').fill('Xin nhận hồ sơ lý lịch tư pháp tại nhà hôm nay');

    // Today's pickup: the procedure by its abbreviation, the note for the courier.
    await page.keyboard.press('Alt+J');
    await page.locator('#job-procedure').waitFor();
    await pickProcedure(page, 'LLTP', /lý lịch tư pháp/i);
    await page.getByLabel('Ghi chú cho bưu tá').fill(NOTE);
    await shot(page, 'operator-job-form');
    await page.keyboard.press('Control+Enter');
    const created = page.getByText(/Đã tạo việc (TN\d{10})/).first();
    await created.waitFor({ timeout: 15_000 });
    const todayCode = /TN\d{10}/.exec((await created.textContent()) ?? '')![0];

    await page.keyboard.press('Alt+L');
    await page.getByRole('heading', { name: 'Chưa có cuộc gọi nào đang xử lý' }).waitFor();
    const jobs = await call(page, 'GET', `/api/jobs?q=${todayCode}`);
    const first = jobs.body.items[0];
    day.todayJob = { code: todayCode, id: first.id };

    // Tomorrow's pickup, 08:00–10:00, for the same caller (booked on the next call).
    const gplx = (await call(page, 'GET', '/api/procedures?q=GPLX')).body.items[0];
    expect(gplx.name).toMatch(/giấy phép lái xe/i);
    const later = await call(page, 'POST', '/api/jobs', {
      type: 'home_assistance',
      unitId: first.unitId,
      citizenId: day.caller.id,
      procedureId: gplx.id,
      addressText: first.addressText,
      windowStart: `${day.tomorrow}T08:00:00+07:00`,
      windowEnd: `${day.tomorrow}T10:00:00+07:00`,
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    day.tomorrowJob = { code: (later.body.job ?? later.body).code };

    // Another call rings; the operator presses Esc. It is not lost: it waits to be called back.
    await page.keyboard.press('Alt+S');
    await page.keyboard.type(DISMISSED);
    await page.keyboard.press('Enter');
    await banner.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await banner.waitFor({ state: 'detached' });
    const callbacks = page.locator('section', {
      has: page.getByRole('heading', { name: 'Cần gọi lại' }),
    });
    await expect
      .poll(async () => ((await callbacks.textContent()) ?? '').replace(/\D/g, ''), {
        timeout: 15_000,
      })
      .toContain(DISMISSED.slice(1));
    await callbacks.getByText('Bỏ qua khi đổ chuông').first().waitFor();
    await shot(page, 'operator-callbacks');
  });

  it('dispatcher: sees the note, offers only the job’s post office couriers, assigns', async () => {
    const job = need('todayJob');
    const { page } = dispatch;
    await logIn(page, 'dispatcher1');
    await page.waitForURL('**/dispatch');
    await page.getByLabel('Tìm theo mã việc, tên, địa chỉ, mã hồ sơ').fill(job.code);
    const list = page.getByRole('list', { name: /^Việc/ });
    await list.getByText(job.code).first().click();
    const drawer = page.getByRole('complementary', { name: job.code });
    await drawer.getByText(NOTE).waitFor();

    // "Hoặc chọn bưu tá": couriers of Trấn Biên only (courier4 Phan Văn Tài is in Tân Hạnh).
    const picker = drawer.getByLabel('Hoặc chọn bưu tá');
    const offered = await picker.evaluate((el: HTMLSelectElement) =>
      [...el.options].filter((o) => o.value !== '').map((o) => o.text),
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.join('\n')).not.toContain('Phan Văn Tài');
    for (const o of offered) expect(o).toContain('Trấn Biên');
    await chooseContaining(page, 'Hoặc chọn bưu tá', 'Nguyễn Văn Hùng');
    await drawer.getByRole('button', { name: 'Giao việc' }).click();
    await drawer.getByText(new RegExp(`${job.code} cho Nguyễn Văn Hùng`)).waitFor();
    await shot(page, 'dispatcher-assigned');
    // Tomorrow's visit goes to the same courier (through the same assignment the drawer makes).
    const later = (await call(page, 'GET', `/api/jobs?q=${need('tomorrowJob').code}`)).body
      .items[0];
    const hung = (await call(page, 'GET', `/api/jobs/${job.id}`)).body;
    const courierId = (hung.job ?? hung).courier.id;
    expect((await call(page, 'POST', `/api/jobs/${later.id}/assign`, { courierId })).status).toBe(
      200,
    );

    // The day's overdue figure, to hold against the manager's.
    await page.getByRole('button', { name: 'Đóng' }).click();
    const tab = page.getByRole('tab', { name: /^(Quá hạn|Trễ hạn) \(\d+\)/ });
    day.overdueAtDispatch = Number(/\((\d+)\)/.exec((await tab.textContent()) ?? '')![1]);
  });

  it('courier: today’s job with the operator’s note, tomorrow’s under "Sắp tới" with its date', async () => {
    const job = need('todayJob');
    const tomorrowJob = need('tomorrowJob');
    const { page } = phone;
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: new RegExp(`^Mở việc ${job.code}`) }) });
    await card.waitFor();
    await card.getByText('Đã phân công').waitFor();
    await card.getByText('Ghi chú của tổng đài').waitFor();
    await card.getByText(NOTE).waitFor();

    const upcoming = page.locator('section', {
      has: page.getByRole('heading', { name: /^Sắp tới/ }),
    });
    const later = upcoming.getByRole('listitem').filter({ hasText: tomorrowJob.code });
    await later.waitFor();
    expect(await later.textContent()).toContain(vn(need('tomorrow')));
    await shot(page, 'courier-today');
  });

  it('courier at the door: checks the CCCD and the papers partly offline, collects, syncs', async () => {
    const job = need('todayJob');
    const { page, context } = phone;
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    await page.getByRole('link', { name: new RegExp(`^Mở việc ${job.code}`) }).click();
    await page.getByRole('heading', { level: 1, name: `Việc ${job.code}` }).waitFor();
    await page.getByText(NOTE).waitFor();
    for (const step of ['Nhận việc', 'Bắt đầu đi', 'Đã đến nơi']) {
      const b = page.getByRole('button', { name: step });
      await b.waitFor({ timeout: 20_000 });
      await b.click();
    }
    await page.getByRole('heading', { name: 'Nhận hồ sơ tại nhà' }).waitFor({ timeout: 20_000 });

    // The CCCD typed at the door is compared with the file and the screen says which.
    await page.getByLabel('Số CCCD người nộp').fill('075203012345');
    await page.getByText(/Khớp với hồ sơ|Chưa có CCCD trong hồ sơ/).waitFor();

    // The phone keeps the job as the server last answered it (after "Đã đến nơi"); the courier
    // loses the network only once that answer is saved, as the offline screens read from it.
    await page.waitForFunction(
      async (id) => {
        const saved = await caches.match(`/api/jobs/${id}`);
        if (!saved) return false;
        const body = (await saved.json()) as { status?: string; job?: { status: string } };
        return (body.job?.status ?? body.status) === 'arrived';
      },
      job.id,
      { timeout: 20_000, polling: 250 },
    );
    // The network drops in the stairwell: the checklist is still there, the slip is queued.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Nhận hồ sơ tại nhà' }).waitFor({ timeout: 20_000 });
    const papers = page
      .locator('section', { has: page.getByRole('heading', { name: 'Nhận hồ sơ tại nhà' }) })
      .getByRole('checkbox');
    await papers.first().waitFor();
    expect(await papers.count()).toBeGreaterThan(1);
    // Original or copy: pre-chosen only where the paper's name says so; the courier picks the rest.
    const kinds = page.getByRole('combobox', { name: /^Bản chính hay bản sao:/ });
    for (let i = 0; i < (await kinds.count()); i++) {
      const kind = kinds.nth(i);
      if (!(await kind.inputValue())) await kind.selectOption('original');
    }
    const collect = page.getByRole('button', { name: /^Đã thu tiền mặt/ });
    if (await collect.count()) await collect.click();
    await sign(page, 'Chữ ký công dân');
    await sign(page, 'Chữ ký bưu tá');
    await page.getByRole('button', { name: 'Lập phiếu gửi hồ sơ' }).click();
    const bar = page.getByRole('region', { name: 'Đồng bộ' });
    await bar.getByText(/thao tác chờ đồng bộ/).waitFor();
    await shot(page, 'courier-offline');
    await context.setOffline(false);
    await bar.waitFor({ state: 'detached', timeout: 30_000 });
    const after = await call(page, 'GET', `/api/jobs/${job.id}`);
    expect((after.body.job ?? after.body).status).toBe('collected');
  });

  it('courier at the agency: the record, the result date from the appointment slip, done today', async () => {
    const job = need('todayJob');
    const { page } = phone;
    await page.goto('/courier/handover');
    const mine = page.getByRole('checkbox', { name: /Đặng Minh Dũng/ });
    await mine.waitFor();
    if (!(await mine.isChecked())) await mine.check();
    if (!(await page.getByLabel('Cơ quan nhận').inputValue()))
      await page.getByLabel('Cơ quan nhận').fill('Sở Tư pháp tỉnh Đồng Nai');
    await page.getByLabel('Họ tên cán bộ tiếp nhận').fill('Trần Thị Thu Hằng');
    await sign(page, 'Chữ ký cán bộ tiếp nhận');
    await page.getByRole('button', { name: /^Ký và lập biên bản/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Biên bản giao nhận hồ sơ' })
      .waitFor({ timeout: 30_000 });

    // Back on the job: the dossier code and the result date printed on the appointment slip.
    day.resultDate = addDays(need('today'), 7);
    await page.goto(`/courier/jobs/${job.id}`);
    const yymmdd = need('today').slice(2).replace(/-/g, '');
    await page.getByLabel('Mã hồ sơ').fill(`H48.19.11-${yymmdd}-0012`);
    await page.getByRole('textbox', { name: 'Ngày hẹn trả kết quả' }).fill(vn(day.resultDate));
    await page.getByRole('button', { name: 'Ghi nhận đã nộp' }).click();
    await page.getByRole('button', { name: 'Hoàn tất việc' }).click({ timeout: 20_000 });
    await page.getByText(/^Việc đã hoàn (tất|thành)\./).waitFor({ timeout: 20_000 });

    await page.goto('/courier');
    const done = page.locator('section', {
      has: page.getByRole('heading', { name: /^Đã xong hôm nay/ }),
    });
    await done.getByText(job.code).waitFor();
    await shot(page, 'courier-done-today');
  });

  it('citizen: the tracking page says filed at the agency and the expected result date, not "Hoàn tất"', async () => {
    const job = need('todayJob');
    const resultDate = need('resultDate');
    const citizen = await browse(PHONE);
    const { page } = citizen;
    await page.goto(`/tra-cuu/${job.code}`);
    await page.getByLabel('4 số cuối điện thoại').fill(need('caller').phone.slice(-4));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Đã nộp hồ sơ tại cơ quan').first().waitFor();
    await page.getByText(`dự kiến có kết quả ngày ${vn(resultDate)}`).waitFor();
    expect(await page.getByRole('heading', { name: 'Hoàn tất' }).count()).toBe(0);
    await shot(page, 'citizen-tracking');
    await citizen.close();
  });

  it('courier: a result package with another dossier code is refused at pickup', async () => {
    const caller = need('caller');
    const { page: office } = dispatch;
    // On its own too: a result delivery needs the courier signed in and a dispatcher at the desk.
    if (!office.url().includes('/dispatch')) {
      await logIn(office, 'dispatcher1');
      await office.waitForURL('**/dispatch');
    }
    if (!phone.page.url().includes('/courier')) {
      await logIn(phone.page, 'courier1');
      await phone.page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    }
    const expected = `H48.19.11-${need('today').slice(2).replace(/-/g, '')}-0012`;
    const me = (await call(phone.page, 'GET', '/api/me')).body.user as {
      id: string;
      unitId: string;
    };
    const created = await call(office, 'POST', '/api/jobs', {
      type: 'result_delivery',
      unitId: me.unitId,
      citizenId: caller.id,
      dossierCode: expected,
      addressText: '12 Nguyễn Ái Quốc, phường Trấn Biên, Đồng Nai',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const job = created.body.job ?? created.body;
    expect(
      (await call(office, 'POST', `/api/jobs/${job.id}/assign`, { courierId: me.id })).status,
    ).toBe(200);

    const { page } = phone;
    await page.goto(`/courier/jobs/${job.id}`);
    await page.getByRole('button', { name: 'Nhận việc' }).click();
    await page.getByLabel('Mã hồ sơ').fill(expected.replace(/-0012$/, '-0099'));
    await page
      .getByLabel('Ảnh gói kết quả đã niêm phong')
      .setInputFiles({ name: 'seal.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page
      .getByText(/không khớp/i)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Đã nhận kết quả' }).isDisabled()).toBe(true);
    await shot(page, 'courier-wrong-package');
    await page.waitForTimeout(1_500);
    const after = await call(page, 'GET', `/api/jobs/${job.id}`);
    expect((after.body.job ?? after.body).status).toBe('accepted');
  });

  it('manager: the day’s overdue figure is dispatch’s, money in ₫ with a non-breaking space', async () => {
    const overdue = need('overdueAtDispatch');
    const manager = await browse(STAFF);
    const { page } = manager;
    await logIn(page, 'manager2');
    await page
      .getByRole('heading', { level: 1, name: 'Tổng quan đơn vị' })
      .waitFor({ timeout: 30_000 });
    const card = page.getByRole('region', { name: 'Quá hạn', exact: true });
    await expect.poll(async () => (await card.textContent()) ?? '').toContain(String(overdue));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/\d\u00a0₫/);
    expect(text).not.toMatch(/\d ₫/);
    await shot(page, 'manager');
    for (const b of [desk, dispatch, phone, manager]) expect(b.pageErrors).toEqual([]);
  });
});
