import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ExcelJS from 'exceljs';
import { addDays, toVnDate } from '@tannha/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openBrowser, type TestBrowser } from './support/browser';
import { logIn } from './support/actions';
import { startServer, type RunningServer } from './support/server';

const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '__screenshots__');
let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the manager’s dashboard', () => {
  it('opens with figures, changes the range, exports the jobs to an Excel file that has the rows, and counts a new job live', async () => {
    const { page, pageErrors } = browser;
    await logIn(page, 'manager1');
    await page
      .getByRole('heading', { level: 1, name: 'Tổng quan đơn vị' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'Công việc', exact: true }).waitFor();

    const today = toVnDate(new Date());
    const from30 = addDays(today, -29);
    const summaryFor30 = page.waitForResponse(
      (r) => r.url().includes('/api/reports/summary') && r.url().includes(`from=${from30}`),
    );
    await page.getByRole('button', { name: '30 ngày' }).click();
    const summary = (await (await summaryFor30).json()) as {
      jobs: { total: number };
      late: unknown[];
    };
    expect(await page.getByRole('button', { name: '30 ngày' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const jobsCard = page.getByRole('region', { name: 'Công việc', exact: true });
    await expect
      .poll(async () => (await jobsCard.textContent()) ?? '')
      .toContain(summary.jobs.total.toLocaleString('vi-VN'));
    expect(summary.jobs.total).toBeGreaterThan(50);
    await page.getByRole('heading', { name: 'Công việc theo ngày' }).waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'manager-dashboard.png'),
      fullPage: true,
    });

    const exportsSection = page.getByRole('region', { name: 'Xuất dữ liệu' });
    const downloading = page.waitForEvent('download');
    await exportsSection.getByRole('link', { name: 'Excel' }).first().click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`cong-viec_${from30}_${today}.xlsx`);
    const file = path.join(SCREENSHOTS, '..', `download-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Công việc')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Mã công việc');
    expect(ws.rowCount - 1).toBe(summary.jobs.total);
    const { rm } = await import('node:fs/promises');
    await rm(file, { force: true });

    // Live while open: an operator elsewhere creates a job; the figure moves without a reload.
    const operator = await openBrowser({ baseURL: server.baseURL });
    try {
      await logIn(operator.page, 'operator1');
      await operator.page.waitForURL('**/operator');
      const created = await operator.page.evaluate(async () => {
        const list = (await (await fetch('/api/jobs?pageSize=50')).json()) as {
          items: {
            unitId: string;
            citizen: { id: string };
            procedure: { id: string; inPersonOnly: boolean } | null;
            addressText: string;
          }[];
        };
        const j = list.items.find((x) => x.procedure && !x.procedure.inPersonOnly)!;
        const res = await fetch('/api/jobs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'home_assistance',
            unitId: j.unitId,
            citizenId: j.citizen.id,
            procedureId: j.procedure!.id,
            addressText: j.addressText,
          }),
        });
        return res.status;
      });
      expect(created).toBe(201);
    } finally {
      await operator.close();
    }
    await expect
      .poll(async () => (await jobsCard.textContent()) ?? '', { timeout: 10_000 })
      .toContain((summary.jobs.total + 1).toLocaleString('vi-VN'));
    expect(pageErrors).toEqual([]);
  });
});
