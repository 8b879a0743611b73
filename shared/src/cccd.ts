/**
 * The 12-digit citizen ID number (số định danh cá nhân, printed on the CCCD card), laid out
 * `AAA B CC DDDDDD` (DOMAIN.md "Phones and IDs"):
 * - `AAA` — code of the province where the birth was registered (Circular 07/2016/TT-BCA;
 *   the 63 pre-2025 provinces — numbers issued before the 2025 merger keep them);
 * - `B` — century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s,
 *   6/7 = 2200s, 8/9 = 1800s;
 * - `CC` — last two digits of the birth year;
 * - `DDDDDD` — a random part. There is no check digit.
 *
 * It is personal data: show it masked ({@link maskCccd}), never put it in a URL, an SMS or
 * a log line.
 */

import { vnDateTimeParts } from './time';

/** Birth-registration province codes used in ID numbers (the 63 provinces before July 2025). */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/** First year of the century for each century+sex digit pair (index = digit / 2). */
const CENTURIES = [1900, 2000, 2100, 2200, 1800] as const;

export type ParseCccdResult =
  | { ok: true; provinceCode: string; sex: 'male' | 'female'; birthYear: number }
  | {
      ok: false;
      reason: 'invalid_length' | 'invalid_characters' | 'unknown_province' | 'invalid_birth_year';
    };

export type ParseCccdOptions = {
  /** "Now", for deciding that a birth year is in the future (default: the current time, Vietnam calendar). */
  now?: Date;
};

/** Removes the spaces people type between groups (`079 2 03 012345`). */
function compact(s: string): string {
  return typeof s === 'string' ? s.replace(/[\s.-]/g, '') : '';
}

/**
 * Reads a 12-digit ID number: the birth-registration province, sex and birth year. Spaces,
 * dots and dashes between groups are ignored. A birth year after the current year is
 * refused.
 */
export function parseCccd(s: string, opts: ParseCccdOptions = {}): ParseCccdResult {
  const id = compact(s);
  if (!/^\d*$/.test(id)) return { ok: false, reason: 'invalid_characters' };
  if (id.length !== 12) return { ok: false, reason: 'invalid_length' };
  const provinceCode = id.slice(0, 3);
  if (!Object.hasOwn(CCCD_PROVINCE_CODES, provinceCode))
    return { ok: false, reason: 'unknown_province' };
  const centurySex = Number(id[3]);
  const century = CENTURIES[Math.floor(centurySex / 2)] ?? 1900;
  const birthYear = century + Number(id.slice(4, 6));
  const currentYear = vnDateTimeParts(opts.now ?? new Date()).year;
  if (birthYear > currentYear) return { ok: false, reason: 'invalid_birth_year' };
  return { ok: true, provinceCode, sex: centurySex % 2 === 0 ? 'male' : 'female', birthYear };
}

/** The masked display form, all but the last 4 digits hidden: `********1234`. */
export function maskCccd(s: string): string {
  const id = compact(s);
  return '*'.repeat(Math.max(0, id.length - 4)) + id.slice(-4);
}

/** The last 4 digits of an ID number (enough for a person to recognise it). */
export function cccdLast4(s: string): string {
  return compact(s).slice(-4);
}
