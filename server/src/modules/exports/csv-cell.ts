import { csvDateTime } from './exports.columns';

/**
 * What makes a spreadsheet read a text cell as a formula (OWASP "CSV injection"): `=`, `+`,
 * `-`, `@`, a tab or a line break at the start — also behind leading spaces, and in the
 * full-width forms some spreadsheets accept.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell. Numbers and timestamps are the exporter's own and are written as such (a
 * negative amount stays a number Excel can add up); text comes from people (names, notes,
 * codes typed at the door), so text that would start a formula gets a leading `'`, which
 * spreadsheets show as plain text. Cells with a separator, a quote or a line break are quoted.
 */
export function csvCell(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = v instanceof Date ? csvDateTime(v) : inert(v);
  return /[",\r\n;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text that no spreadsheet will evaluate. */
export function inert(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
