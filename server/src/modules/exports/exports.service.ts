import { once } from 'node:events';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { ReportRangeQuery } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { logger } from '../../lib/logger';
import type { ReportWindow } from '../reports/reports.service';
import { resolveReportScope } from '../reports/reports.service';
import { csvCell } from './csv-cell';
import {
  CALL_COLUMNS,
  excelLocal,
  JOB_COLUMNS,
  PAYMENT_COLUMNS,
  type Column,
} from './exports.columns';
import { callPage, jobPage, paymentPage, type Cursor } from './exports.repository';

export const EXPORT_KINDS = ['calls', 'jobs', 'payments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'csv' | 'xlsx';

type Source<R> = {
  columns: Column<R>[];
  page: (db: DbOrTx, w: ReportWindow, c: Cursor, limit: number) => Promise<R[]>;
  cursor: (r: R) => { at: Date; id: string };
  /** File name stem and sheet name. */
  name: string;
  sheet: string;
};

const SOURCES: { [K in ExportKind]: Source<never> } = {
  calls: {
    columns: CALL_COLUMNS,
    page: callPage,
    cursor: (r: { started_at: Date; id: string }) => ({ at: r.started_at, id: r.id }),
    name: 'cuoc-goi',
    sheet: 'Cuộc gọi',
  } as never,
  jobs: {
    columns: JOB_COLUMNS,
    page: jobPage,
    cursor: (r: { created_at: Date; id: string }) => ({ at: r.created_at, id: r.id }),
    name: 'cong-viec',
    sheet: 'Công việc',
  } as never,
  payments: {
    columns: PAYMENT_COLUMNS,
    page: paymentPage,
    cursor: (r: { occurred_at: Date; id: string }) => ({ at: r.occurred_at, id: r.id }),
    name: 'thu-tien',
    sheet: 'Thu tiền',
  } as never,
};

/** Rows read per query: memory stays flat however many rows the range holds. */
const PAGE = 2000;

async function* rowsOf<R>(db: Db, src: Source<R>, w: ReportWindow): AsyncGenerator<R> {
  let cursor: Cursor;
  for (;;) {
    const rows = await src.page(db, w, cursor, PAGE);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    cursor = src.cursor(rows[rows.length - 1]!);
  }
}

async function write(res: Response, chunk: string) {
  if (!res.write(chunk)) await once(res, 'drain');
}

/**
 * Streams calls, jobs or payments of a unit (with sub-units) over a date range as CSV
 * (UTF-8 with a byte-order mark, so Excel shows Vietnamese) or as an Excel workbook,
 * page by page: nothing holds the whole export in memory.
 */
export async function streamExport(
  db: Db,
  auth: AuthContext,
  kind: ExportKind,
  format: ExportFormat,
  query: ReportRangeQuery,
  res: Response,
): Promise<void> {
  const { window } = await resolveReportScope(db, auth, 'exports.download', query);
  const src = SOURCES[kind] as unknown as Source<Record<string, unknown>>;
  const fileName = `${src.name}_${query.from}_${query.to}.${format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      await write(res, '\uFEFF' + src.columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
      for await (const r of rowsOf(db, src, window)) {
        await write(res, src.columns.map((c) => csvCell(c.value(r))).join(',') + '\r\n');
      }
      res.end();
      return;
    }
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet(src.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = src.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? 14,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const head = ws.addRow(src.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    for await (const r of rowsOf(db, src, window)) {
      ws.addRow(
        src.columns.map((c) => {
          const v = c.value(r);
          return v instanceof Date ? excelLocal(v) : v;
        }),
      ).commit();
    }
    ws.commit();
    await wb.commit();
  } catch (err) {
    // Headers are gone once the first bytes are out: cut the download so it is not mistaken for a whole file.
    logger.error({ err, kind, format }, 'export failed mid-stream');
    if (!res.headersSent) throw err;
    res.destroy(err as Error);
  }
}
