import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { xlsxRecords } from './xlsx';

const LIMITS = { maxRows: 3, maxUnpackedBytes: 10 * 1024 * 1024 };

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('A');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('B').addRow(['not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsxRecords', () => {
  it('reads the first worksheet as text cells with Excel row numbers, dates as dd/MM/yyyy', async () => {
    const buf = await workbook([
      ['Ngày', 'Số', 'Công thức', 'Liên kết'],
      [],
      [
        new Date(Date.UTC(2026, 1, 9)),
        150000,
        { formula: '1+1', result: 2 },
        { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' },
      ],
    ]);
    expect(await xlsxRecords(buf, LIMITS)).toEqual([
      { line: 1, cells: ['Ngày', 'Số', 'Công thức', 'Liên kết'] },
      { line: 3, cells: ['09/02/2026', '150000', '2', 'Cổng DVC'] },
    ]);
  });

  it('refuses more rows than the limit, and bytes that are not a workbook', async () => {
    const many = await workbook([['h'], ['1'], ['2'], ['3'], ['4']]);
    await expect(xlsxRecords(many, LIMITS)).rejects.toMatchObject({
      status: 413,
      code: 'import_too_many_rows',
    });
    const junk = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    await expect(xlsxRecords(junk, LIMITS)).rejects.toBeInstanceOf(AppError);
    await expect(xlsxRecords(junk, LIMITS)).rejects.toMatchObject({ code: 'xlsx_invalid' });
  });
});
