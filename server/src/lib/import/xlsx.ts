import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import type { CsvRecord } from './csv';
import { assertZipWithin, notXlsx } from './zip-guard';

export { looksLikeZip } from './zip-guard';

export type XlsxLimits = { maxRows: number; maxUnpackedBytes: number };

/** More columns than any import has: the rest of a row is not read. */
const MAX_COLUMNS = 100;
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV would hold: dates as dd/MM/yyyy (Excel keeps wall-clock time as UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

/**
 * The first worksheet of an .xlsx as CSV-like records (the header row first), each with its
 * Excel row number as its line, so an import reports mistakes as it does for CSV. The zip is
 * checked (parts, unpacked size) before ExcelJS reads it, and the rows are counted.
 */
export async function xlsxRecords(buf: Buffer, limits: XlsxLimits): Promise<CsvRecord[]> {
  assertZipWithin(buf, { maxEntries: 500, maxTotalBytes: limits.maxUnpackedBytes });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw notXlsx();
  if (ws.actualRowCount > limits.maxRows + 1)
    throw new AppError(413, 'import_too_many_rows', {
      vi: `Trang tính có ${ws.actualRowCount} dòng, nhiều hơn giới hạn ${limits.maxRows} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
      en: `The worksheet has ${ws.actualRowCount} rows, more than the ${limits.maxRows} one import takes. Split it into several files.`,
    });
  const out: CsvRecord[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++)
      cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((x) => x !== '')) out.push({ line: row.number, cells });
  });
  return out;
}
