import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatVnDate, toVnDate, vnStartOfDay } from '@tannha/shared';

import { call, logIn } from './support/actions';
import { PHONE, useServer } from './support/suite';

const { browse } = useServer();

const NOTE = 'Gọi trước 15 phút, nhà có chó';

/** 08:00–10:00 on `day` (YYYY-MM-DD) in Vietnam, as the job form sends it. */
function window0810(day: string) {
  const start = new Date(vnStartOfDay(day).getTime() + 8 * 3600_000);
  return {
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
  };
}

/** A job the dispatcher creates and gives to the courier, through the API as the screens do. */
async function giveJob(
  office: Page,
  courier: { id: string; unitId: string },
  citizen: { fullName: string; phone: string },
  body: Record<string, unknown>,
): Promise<{ id: string; code: string }> {
  const c = await call(office, 'POST', '/api/citizens', citizen);
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const created = await call(office, 'POST', '/api/jobs', {
    unitId: courier.unitId,
    citizenId: c.body.id,
    addressText: '7 Nguyễn Ái Quốc, phường Trấn Biên, Đồng Nai',
    ...body,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const job = created.body.job ?? created.body;
  const assigned = await call(office, 'POST', `/api/jobs/${job.id}/assign`, {
    courierId: courier.id,
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return { id: job.id, code: job.code };
}

async function tap(page: Page, name: string | RegExp) {
  const b = page.getByRole('button', { name });
  await b.waitFor({ timeout: 20_000 });
  await b.click();
}

describe('the courier’s day on the phone: what the office wrote, today and later', () => {
  it('shows the hotline’s note, splits today from upcoming with dates, keeps what is done today, refuses another package’s code and says when a step only waits on the phone', async () => {
    const phone = await browse(PHONE);
    const { page, context, pageErrors } = phone;
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    const me = (await call(page, 'GET', '/api/me')).body.user as { id: string; unitId: string };

    const office = await browse();
    await logIn(office.page, 'dispatcher1');
    await office.page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
    const procedure = (await call(office.page, 'GET', '/api/procedures?limit=20')).body.items.find(
      (p: { inPersonOnly: boolean }) => !p.inPersonOnly,
    ) as { id: string };

    // Read "today" in Vietnam right before the jobs are booked around it.
    const today = toVnDate(new Date());
    const tomorrow = addDays(today, 1);
    const yymmdd = today.slice(2).replaceAll('-', '');
    const expectedCode = `H99.01-${yymmdd}-0012`;
    await giveJob(
      office.page,
      me,
      { fullName: 'Đinh Thị Ghi Chú', phone: '0912000731' },
      { type: 'home_assistance', procedureId: procedure.id, notes: NOTE, ...window0810(today) },
    );
    const later = await giveJob(
      office.page,
      me,
      { fullName: 'Lê Văn Ngày Mai', phone: '0912000732' },
      {
        type: 'result_delivery',
        dossierCode: expectedCode,
        notes: 'Giao cho con gái nếu vắng',
        feeDueVnd: 0,
        postalChargeVnd: 0,
        ...window0810(tomorrow),
      },
    );
    const done = await giveJob(
      office.page,
      me,
      { fullName: 'Trần Văn Xong Sớm', phone: '0912000733' },
      { type: 'fee_collection', feeDueVnd: 0, postalChargeVnd: 0 },
    );
    for (const to of ['accepted', 'en_route', 'on_site', 'collected', 'completed'])
      expect((await call(page, 'POST', `/api/jobs/${done.id}/transitions`, { to })).status).toBe(
        200,
      );

    // Home: today's list with the note on one line; tomorrow's job apart, with its date.
    await page.reload();
    const todayList = page.getByRole('list', { name: 'Việc hôm nay theo thứ tự đi' });
    const notedCard = todayList.getByRole('listitem').filter({ hasText: 'Đinh Thị Ghi Chú' });
    await notedCard.waitFor({ timeout: 20_000 });
    expect(await notedCard.textContent()).toContain(`Ghi chú của tổng đài: ${NOTE}`);
    expect(await notedCard.textContent()).toContain('Đã phân công');
    expect(await todayList.textContent()).not.toContain('Lê Văn Ngày Mai');

    await page.getByRole('heading', { name: 'Sắp tới' }).waitFor();
    const upcoming = page.getByRole('list', { name: 'Việc sắp tới theo ngày hẹn' });
    const laterCard = upcoming.getByRole('listitem').filter({ hasText: 'Lê Văn Ngày Mai' });
    expect(await laterCard.textContent()).toContain(
      `Hẹn 08:00–10:00 ngày ${formatVnDate(tomorrow)}`,
    );

    await page.getByRole('heading', { name: 'Đã xong hôm nay' }).waitFor();
    const doneList = page.getByRole('list', { name: 'Việc đã xong hôm nay' });
    expect(await doneList.textContent()).toContain('Trần Văn Xong Sớm');
    expect(await doneList.textContent()).toContain('Hoàn thành');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    // The job page shows the whole note under its label.
    await notedCard.getByRole('link', { name: /^Mở việc/ }).click();
    await page.getByRole('heading', { name: 'Ghi chú của tổng đài' }).waitFor();
    expect(await page.getByLabel('Thông tin việc').textContent()).toContain(NOTE);

    // Tomorrow's result: the code on the package must be the job's.
    await page.goto(`/courier/jobs/${later.id}`);
    await page.getByText(`Hẹn 08:00–10:00 ngày ${formatVnDate(tomorrow)}`).waitFor();
    await tap(page, 'Nhận việc');
    // The step reaches the server first (the form is drawn anew once it is confirmed).
    await expect
      .poll(async () => (await call(page, 'GET', `/api/jobs/${later.id}`)).body.status)
      .toBe('accepted');
    await page.getByRole('region', { name: 'Đồng bộ' }).waitFor({ state: 'detached' });
    const codeField = page.getByLabel('Mã hồ sơ', { exact: true });
    await codeField.waitFor({ timeout: 20_000 });
    expect(await codeField.inputValue()).toBe('');
    await codeField.fill(`H99.01-${yymmdd}-0099`);
    await page.getByText('không khớp với việc này').waitFor();
    const submit = page.getByRole('button', { name: 'Đã nhận kết quả' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel('Vẫn nhận gói này, tôi ghi lý do').check();
    await page.getByLabel('Lý do nhận gói có mã khác').fill('ngắn');
    expect(await submit.isDisabled()).toBe(true);
    await codeField.fill(expectedCode);
    expect(await page.getByText('không khớp với việc này').count()).toBe(0);
    await submit.click();
    await page.getByRole('button', { name: 'Bắt đầu đi' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await call(page, 'GET', `/api/jobs/${later.id}`)).body.status)
      .toBe('picked_up');

    // Offline: the trip starts on the phone only; nobody has been told yet.
    await context.setOffline(true);
    await tap(page, 'Bắt đầu đi');
    await page.getByText('Đã lưu trên máy, sẽ gửi khi có mạng.').waitFor();
    expect(await page.getByText('Công dân đã được nhắn tin').count()).toBe(0);
    await context.setOffline(false);
    await page
      .getByText('Công dân đã được nhắn tin báo bưu tá đang đến.')
      .waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});
