import path from 'node:path';

import ExcelJS from 'exceljs';
import { addDays, toVnDate } from '@tannha/shared';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { SCREENSHOTS, useServerWithBrowser } from './support/suite';

const suite = useServerWithBrowser(SCREENSHOTS);

describe('the manager’s dashboard', () => {
  it('opens with figures, changes the range, exports the jobs to an Excel file that has the rows, and counts a new job live', async () => {
    const { page, pageErrors } = suite.browser;
    await logIn(page, 'manager1');
    await page
      .getByRole('heading', { level: 1, name: 'Tổng quan đơn vị' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'Công việc', exact: true }).waitFor();

    // The page takes "today" from its own clock when the button is pressed: read the day just
    // before, find the 30-day request by its shape, and hold its last day to the day read (or
    // the next one, should Vietnamese midnight fall in between).
    const dayBefore = toVnDate(new Date());
    const summaryFor30 = page.waitForResponse((r) => {
      if (!r.url().includes('/api/reports/summary')) return false;
      const q = new URL(r.url()).searchParams;
      const to = q.get('to');
      return to !== null && q.get('from') === addDays(to, -29);
    });
    await page.getByRole('button', { name: '30 ngày' }).click();
    const range = new URL((await summaryFor30).url()).searchParams;
    const today = range.get('to')!;
    const from30 = range.get('from')!;
    expect([dayBefore, addDays(dayBefore, 1)]).toContain(today);
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
    const operator = await suite.browse();
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
