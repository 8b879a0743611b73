import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn, sign, call } from './support/actions';
import type { TestBrowser } from './support/browser';
import { SCREENSHOTS, PHONE, useServer } from './support/suite';

const { browse } = useServer(SCREENSHOTS);

/**
 * The pickup at the door through the real API, from the courier's page: on the way, arrived,
 * both signatures uploaded, dossier slip made (the job is then `collected`).
 */
async function collectAtHome(page: Page, jobId: string, papers: string[]): Promise<string> {
  for (const to of ['accepted', 'en_route', 'on_site'])
    expect((await call(page, 'POST', `/api/jobs/${jobId}/transitions`, { to })).status).toBe(200);
  const signatures = await page.evaluate(async (jobId) => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 40;
    const ctx = canvas.getContext('2d')!;
    ctx.fillRect(10, 18, 100, 3);
    const png = await new Promise<Blob>((resolve) =>
      canvas.toBlob((b) => resolve(b!), 'image/png'),
    );
    const ids: string[] = [];
    for (const signer of ['citizen', 'courier']) {
      const form = new FormData();
      form.append('kind', 'signature');
      form.append('signer', signer);
      form.append('file', png, 'signature.png');
      const res = await fetch(`/api/jobs/${jobId}/documents`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: form,
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    return ids;
  }, jobId);
  const slip = await call(page, 'POST', `/api/jobs/${jobId}/dossier-slip`, {
    papers: papers.map((name) => ({ name, copy: 'original', present: true })),
    citizenSignatureId: signatures[0],
    courierSignatureId: signatures[1],
  });
  expect(slip.status, JSON.stringify(slip.body)).toBe(201);
  return slip.body.slipNo as string;
}

/** The dispatcher's office, logged in once for the file. */
let office: TestBrowser | undefined;

/** A new home pickup for the courier, created and assigned by the dispatcher through the API. */
async function newPickup(
  courier: { id: string; unitId: string },
  procedureId: string,
  fullName: string,
  phone: string,
): Promise<string> {
  if (!office) {
    office = await browse();
    await logIn(office.page, 'dispatcher1');
    await office.page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
  }
  const citizen = await call(office.page, 'POST', '/api/citizens', { fullName, phone });
  expect(citizen.status).toBe(201);
  const created = await call(office.page, 'POST', '/api/jobs', {
    type: 'home_assistance',
    unitId: courier.unitId,
    citizenId: citizen.body.id,
    procedureId,
    addressText: '7 Nguyễn Ái Quốc, phường Trấn Biên, Đồng Nai',
  });
  expect(created.status).toBe(201);
  const jobId = (created.body.job ?? created.body).id as string;
  const assigned = await call(office.page, 'POST', `/api/jobs/${jobId}/assign`, {
    courierId: courier.id,
  });
  expect(assigned.status).toBe(200);
  return jobId;
}

/**
 * courier1 signed in on a phone, holding one more dossier collected at the door: a new pickup
 * of `fullName` for a procedure that can be done from home.
 */
async function courierWithCollectedPickup(fullName: string, phone: string) {
  const b = await browse(PHONE);
  const { page } = b;
  await logIn(page, 'courier1');
  await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
  const me = (await call(page, 'GET', '/api/me')).body.user as { id: string; unitId: string };
  const procedure = (await call(page, 'GET', '/api/procedures?limit=20')).body.items.find(
    (p: { inPersonOnly: boolean }) => !p.inPersonOnly,
  ) as { id: string; requiredPapers: string[] };
  const jobId = await newPickup(me, procedure.id, fullName, phone);
  const slipNo = await collectAtHome(page, jobId, procedure.requiredPapers);
  return { ...b, jobId, slipNo };
}

describe('the courier hands the dossiers collected at home to the agency', () => {
  it('picks the dossiers, fills in the agency and the clerk, the clerk signs on the phone, and the record lists every slip with the signing time as filing time', async () => {
    const { page, pageErrors } = await browse(PHONE);
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();

    // Two home pickups of courier1 collected at the door: the demo's one and one more the
    // dispatcher creates now for the same procedure.
    const me = (await call(page, 'GET', '/api/me')).body.user as { id: string; unitId: string };
    const mine = (await call(page, 'GET', '/api/jobs?open=true&pageSize=200')).body.items as {
      id: string;
      type: string;
      status: string;
      procedure: { id: string; code: string } | null;
    }[];
    const demo = mine.find((j) => j.type === 'home_assistance' && j.status === 'assigned')!;
    expect(demo).toBeDefined();
    const procedures = (
      await call(page, 'GET', `/api/procedures?q=${encodeURIComponent(demo.procedure!.code)}`)
    ).body.items as { code: string; agency: string; requiredPapers: string[] }[];
    const procedure = procedures.find((p) => p.code === demo.procedure!.code)!;
    const agency = procedure.agency;

    const extraId = await newPickup(me, demo.procedure!.id, 'Đặng Văn Khoa', '+84913227701');

    const slips = [
      await collectAtHome(page, demo.id, procedure.requiredPapers),
      await collectAtHome(page, extraId, procedure.requiredPapers),
    ];

    // From today's jobs to the handover screen.
    await page.goto('/courier');
    const open = page.getByRole('link', { name: 'Giao hồ sơ cho cơ quan' });
    await open.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-handover-home.png') });
    await open.click();
    await page.getByRole('heading', { level: 1, name: 'Giao hồ sơ cho cơ quan' }).waitFor();
    const mai = page.getByRole('checkbox', { name: /Lê Thị Mai/ });
    const khoa = page.getByRole('checkbox', { name: /Đặng Văn Khoa/ });
    await mai.waitFor();
    expect(await mai.isChecked()).toBe(true);
    expect(await khoa.isChecked()).toBe(true);
    for (const no of slips) await page.getByText(`Phiếu gửi ${no}`, { exact: false }).waitFor();
    // Both dossiers go to the same agency: it is filled in.
    expect(await page.getByLabel('Cơ quan nhận').inputValue()).toBe(agency);

    // Complete at the door, so complete here unless the counter finds otherwise: the second
    // dossier lacks a paper after all.
    const maiItem = page.getByRole('listitem').filter({ has: mai });
    expect(await maiItem.getByRole('radio', { name: 'Đủ giấy tờ' }).isChecked()).toBe(true);
    const khoaItem = page.getByRole('listitem').filter({ has: khoa });
    await khoaItem.getByText('Thiếu giấy tờ').click();
    await khoaItem.getByLabel(/^Ghi chú cho/).fill('Thiếu bản sao giấy khai sinh');

    // Submitting without the clerk is refused on the phone, in words.
    await page.getByRole('button', { name: 'Ký và lập biên bản (2 hồ sơ)' }).click();
    await page.getByText('Nhập họ tên cán bộ tiếp nhận (ít nhất 2 ký tự).').waitFor();
    await page.getByText('Cần chữ ký của cán bộ tiếp nhận.').waitFor();

    await page.getByLabel('Họ tên cán bộ tiếp nhận').fill('Trần Thị Thu Hằng');
    await sign(page, 'Chữ ký cán bộ tiếp nhận');
    await page.getByText('Cần chữ ký của cán bộ tiếp nhận.').waitFor({ state: 'detached' });
    expect(await page.getByText('Nhập họ tên cán bộ tiếp nhận (ít nhất 2 ký tự).').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'agency-handover-form.png'),
      fullPage: true,
    });

    const before = Date.now();
    await page.getByRole('button', { name: 'Ký và lập biên bản (2 hồ sơ)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Biên bản giao nhận hồ sơ' })
      .waitFor({ timeout: 30_000 });
    await page.getByText('Đã lập biên bản giao nhận.').waitFor();
    const recordId = new URL(page.url()).pathname.split('/').pop()!;
    const recordNo = await page.getByTestId('record-no').textContent();
    expect(recordNo).toMatch(/^DNI-BH-TB\/\d{4}\/BBGN-\d{5}$/);
    const main = page.locator('main');
    for (const no of slips) expect(await main.textContent()).toContain(no);
    expect(await main.textContent()).toContain('Thiếu bản sao giấy khai sinh');
    expect(await page.getByTestId('record-signed-at').textContent()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    await page.getByRole('img', { name: 'Chữ ký của Trần Thị Thu Hằng' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: 'Chữ ký của Trần Thị Thu Hằng' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: 'In biên bản' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-handover-record.png') });
    // Printed (an A4 width at 96 dpi): the record alone, without the app's frame or buttons.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In biên bản' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'Số phiếu gửi' }).isVisible()).toBe(true);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'agency-handover-print.png'),
      fullPage: true,
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });

    // The server's side: one record, both slips point to it, signed (filed) just now.
    const record = await call(page, 'GET', `/api/agency-handovers/${recordId}`);
    expect(record.body).toMatchObject({
      recordNo,
      agencyName: agency,
      clerkName: 'Trần Thị Thu Hằng',
    });
    expect(record.body.items.map((i: { slipNo: string }) => i.slipNo).sort()).toEqual(
      [...slips].sort(),
    );
    expect(record.body.items.find((i: { jobId: string }) => i.jobId === extraId)).toMatchObject({
      complete: false,
      note: 'Thiếu bản sao giấy khai sinh',
    });
    expect(Date.parse(record.body.signedAt)).toBeGreaterThanOrEqual(before - 60_000);
    // Printed as dd/MM/yyyy HH:mm in Vietnam time.
    const vnTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(await page.getByTestId('record-signed-at').textContent()).toBe(
      vnTime.format(new Date(record.body.signedAt)).replace(',', ''),
    );
    for (const jobId of [demo.id, extraId]) {
      const papers = await call(page, 'GET', `/api/jobs/${jobId}/papers`);
      expect(papers.body.slip).toMatchObject({
        agencyHandoverId: recordId,
        filedAt: record.body.signedAt,
      });
    }
    // A dossier goes to the agency once.
    const again = await call(page, 'POST', '/api/agency-handovers', {
      agencyName: agency,
      clerkName: 'Trần Thị Thu Hằng',
      items: [{ jobId: demo.id, complete: true }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_handed_over');

    // Nothing left to hand over; the record is there to print again.
    await page.getByRole('link', { name: '← Giao hồ sơ cho cơ quan' }).click();
    await page.getByRole('heading', { name: 'Chưa có hồ sơ nào chờ giao cho cơ quan' }).waitFor();
    await page.getByText('Hồ sơ đã nhận tại nhà sẽ hiện ở đây.').waitFor();
    await page.getByRole('link', { name: new RegExp(recordNo!.replace(/[/]/g, '\\/')) }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-handover-empty.png') });
    expect(pageErrors).toEqual([]);
  });
  it('offline at the counter: keeps the record on the phone with its signing time, says so, and sends it when the network returns', async () => {
    const { page, context, pageErrors, jobId, slipNo } = await courierWithCollectedPickup(
      'Phan Thị Ngọc',
      '+84913227702',
    );

    await page.goto('/courier/handover');
    await page.getByRole('checkbox', { name: /Phan Thị Ngọc/ }).waitFor();
    await context.setOffline(true);
    await page.getByText('Đang mất mạng. Bạn vẫn lập được biên bản').waitFor();
    await page.getByLabel('Cơ quan nhận').fill('Trung tâm Phục vụ hành chính công tỉnh');
    await page.getByLabel('Họ tên cán bộ tiếp nhận').fill('Võ Thành Nhân');
    await sign(page, 'Chữ ký cán bộ tiếp nhận');
    const signedBefore = Date.now();
    await page.getByRole('button', { name: 'Ký và lập biên bản (1 hồ sơ)' }).click();
    const queued = page.getByTestId('queued-handover');
    await queued.getByText('Biên bản đang chờ gửi').waitFor();
    await queued.getByText('Đang mất mạng: biên bản đã lưu trên máy').waitFor();
    expect(await page.getByRole('checkbox', { name: /Phan Thị Ngọc/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-handover-offline.png') });
    await page.waitForTimeout(2_000);
    const onlineAt = Date.now();

    await context.setOffline(false);
    await page
      .getByRole('heading', { level: 1, name: 'Biên bản giao nhận hồ sơ' })
      .waitFor({ timeout: 30_000 });
    const recordId = new URL(page.url()).pathname.split('/').pop()!;
    const record = await call(page, 'GET', `/api/agency-handovers/${recordId}`);
    expect(record.body.items).toEqual([expect.objectContaining({ jobId, slipNo })]);
    // The filing time is when the clerk signed on the phone, not when the record reached us.
    const signedAt = Date.parse(record.body.signedAt);
    expect(signedAt).toBeGreaterThanOrEqual(signedBefore - 1_000);
    expect(signedAt).toBeLessThan(onlineAt);
    expect(pageErrors).toEqual([]);
  });
  it('shows the server’s refusal in the courier’s language and gives the dossiers back to correct the record', async () => {
    const { page, pageErrors, jobId } = await courierWithCollectedPickup(
      'Trương Văn Bình',
      '+84913227703',
    );

    await page.goto('/courier/handover');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('checkbox', { name: /Trương Văn Bình/ }).waitFor();
    // Meanwhile the dossier went into a record made elsewhere (another phone, the office).
    const elsewhere = await call(page, 'POST', '/api/agency-handovers', {
      agencyName: 'Sở Tư pháp tỉnh Đồng Nai',
      clerkName: 'Lê Văn Cường',
      items: [{ jobId, complete: true }],
    });
    expect(elsewhere.status).toBe(201);

    await page.getByLabel('Receiving agency').fill('Sở Tư pháp tỉnh Đồng Nai');
    await page.getByLabel("Counter clerk's full name").fill('Lê Văn Cường');
    await sign(page, "Counter clerk's signature", 'Signed');
    await page.getByRole('button', { name: 'Sign and make the record (1 dossier)' }).click();
    const queued = page.getByTestId('queued-handover');
    await queued.getByRole('heading', { name: 'The record was not accepted' }).waitFor();
    await queued
      .getByText(
        /The server did not accept the record: Dossier TN\w+ was already handed to the agency\./,
      )
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-handover-refused.png') });

    await queued.getByRole('button', { name: 'Correct and sign again' }).click();
    await queued.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'No dossiers waiting to go to the agency' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
