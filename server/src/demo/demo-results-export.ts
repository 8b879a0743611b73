import ExcelJS from 'exceljs';

import { demoRandom } from './demo-random';

/**
 * A SYNTHETIC export of the one-stop system's finished dossiers ("receive the result by post"),
 * for the demo, the tests and the benchmark: made-up people, phones and house numbers on the
 * real wards and procedures of the database. Deterministic for a seed; every file says it is
 * sample data, in its first line and its name.
 */

export const SAMPLE_LABEL = 'DỮ LIỆU MẪU – không phải hồ sơ thật (SAMPLE DATA – not real dossiers)';

/** The header of the export, as the one-stop system writes it. */
export const SAMPLE_HEADER = [
  'STT',
  'Mã hồ sơ',
  'Mã thủ tục',
  'Tên thủ tục',
  'Người nhận',
  'Số điện thoại',
  'Địa chỉ',
  'Phường/Xã',
  'Ngày hẹn trả',
  'Phí/lệ phí còn thu',
  'Cước',
  'Người trả cước',
  'Ghi chú',
] as const;

export type SampleWard = { code: string; name: string; fullName: string };
export type SampleProcedure = { code: string; name: string; inPersonOnly: boolean };

/** Someone the office already knows: a caller with a saved address that has a position. */
export type SampleRecipient = {
  fullName: string;
  /** E.164, as stored. */
  phone: string;
  addressText: string;
  wardFullName: string;
};

/** What to generate. */
export type SampleExportOptions = {
  /** Wards to deliver to (those a post office serves). */
  wards: SampleWard[];
  /** The catalogue (active procedures); in-person-only ones are used only for a bad row. */
  procedures: SampleProcedure[];
  rows: number;
  seed: number;
  /**
   * Known callers: about 60% of the rows go to one of them (their saved address and ward, so
   * the import places those jobs from the saved position); the rest are new people.
   */
  recipients?: readonly SampleRecipient[];
  /** Replace a few rows by bad ones: unknown ward, bad phone, duplicate code, in-person procedure. */
  bad: boolean;
};

/** Which line (1-based data row) each bad row is on, and why, when `bad` is set. */
export type SampleBadRow = {
  row: number;
  kind: 'unknown_ward' | 'bad_phone' | 'duplicate' | 'in_person';
};

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quốc', 'Thu', 'Đức', 'Bảo'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const STREETS = [
  'Phạm Văn Thuận',
  'Đồng Khởi',
  'Võ Thị Sáu',
  'Cách Mạng Tháng Tám',
  'Nguyễn Ái Quốc',
  'Hà Huy Giáp',
  'Phan Trung',
  'Huỳnh Văn Nghệ',
  'Bùi Văn Hòa',
  'Nguyễn Văn Trị',
  'Lê Duẩn',
  'Trần Phú',
];
const PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '035',
  '038',
  '077',
  '083',
  '086',
];
// None of them is a segment the demo's own jobs use (H48.19.1x): a sample import never meets a
// demo job's dossier code, whatever day the demo was seeded on.
const AGENCIES = ['000.00.30.H48', '000.00.31.H48', '000.20.09.H48', '000.21.12.H48', 'H48.26.01'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A dossier code unique per (seed, index): agency, a day of Nov 2026, a daily number. */
function dossierCode(seed: number, i: number): string {
  const agency = AGENCIES[i % AGENCIES.length]!;
  const j = Math.floor(i / AGENCIES.length);
  const day = 1 + ((Math.floor(j / 9999) + seed) % 28);
  return `${agency}-2611${pad(day, 2)}-${pad((j % 9999) + 1, 4)}`;
}

/** Where the bad rows go in a file of `rows` rows. */
export function sampleBadRows(rows: number, hasInPerson: boolean): SampleBadRow[] {
  if (rows < 10) return [];
  const out: SampleBadRow[] = [
    { row: Math.floor(rows * 0.1) + 1, kind: 'unknown_ward' },
    { row: Math.floor(rows * 0.3) + 1, kind: 'bad_phone' },
    { row: Math.floor(rows * 0.5) + 1, kind: 'duplicate' },
  ];
  if (hasInPerson) out.push({ row: Math.floor(rows * 0.7) + 1, kind: 'in_person' });
  return out;
}

/** The rows of the export (header first, the sample label above it). */
export function sampleExportRows(opts: SampleExportOptions): string[][] {
  const { next: rnd, pick } = demoRandom(opts.seed);
  const byPost = opts.procedures.filter((p) => !p.inPersonOnly);
  const inPerson = opts.procedures.find((p) => p.inPersonOnly);
  const bad = new Map(
    (opts.bad ? sampleBadRows(opts.rows, inPerson !== undefined) : []).map((b) => [b.row, b.kind]),
  );
  const out: string[][] = [[SAMPLE_LABEL], [...SAMPLE_HEADER]];
  for (let n = 1; n <= opts.rows; n++) {
    const ward = pick(opts.wards);
    const proc = byPost.length > 0 ? pick(byPost) : undefined;
    const fee = rnd() < 0.2 ? pick([20_000, 50_000, 100_000, 200_000]) : 0;
    const charge = pick([0, 25_000, 30_000, 35_000]);
    const known =
      opts.recipients && opts.recipients.length > 0 && rnd() < 0.6
        ? pick(opts.recipients)
        : undefined;
    const row = [
      String(n),
      dossierCode(opts.seed, n - 1),
      proc?.code ?? '',
      proc?.name ?? '',
      `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      `${pick(PREFIXES)} ${pad(Math.floor(rnd() * 1000), 3)} ${pad(Math.floor(rnd() * 10000), 4)}`,
      `${1 + Math.floor(rnd() * 300)} ${pick(STREETS)}`,
      ward.fullName,
      `${pad(1 + Math.floor(rnd() * 28), 2)}/12/2026`,
      fee > 0 ? fee.toLocaleString('de-DE') : '0',
      charge > 0 ? charge.toLocaleString('de-DE') : '',
      rnd() < 0.15 ? 'Cơ quan' : 'Công dân',
      rnd() < 0.1 ? 'Gọi trước khi giao' : '',
    ];
    if (known) {
      row[4] = known.fullName;
      row[5] = known.phone.replace(/^\+84(\d{3})(\d{3})(\d+)$/, '0$1 $2 $3');
      row[6] = known.addressText;
      row[7] = known.wardFullName;
    }
    const kind = bad.get(n);
    if (kind === 'unknown_ward') row[7] = 'Phường Không Có Thật';
    if (kind === 'bad_phone') row[5] = '0123 45';
    if (kind === 'duplicate') row[1] = dossierCode(opts.seed, 0);
    if (kind === 'in_person' && inPerson) [row[2], row[3]] = [inPerson.code, inPerson.name];
    out.push(row);
  }
  return out;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The export as a CSV file: UTF-8 with a byte-order mark (what Excel opens right). */
export function sampleExportCsv(opts: SampleExportOptions): Buffer {
  const text = sampleExportRows(opts)
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** The export as an .xlsx workbook (one sheet; the sample label in its first row). */
export async function sampleExportXlsx(opts: SampleExportOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả trả qua bưu chính');
  for (const r of sampleExportRows(opts)) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file's name: says it is sample data. */
export function sampleExportFileName(rows: number, format: 'csv' | 'xlsx'): string {
  return `du-lieu-mau-ket-qua-mot-cua-${rows}.${format}`;
}
