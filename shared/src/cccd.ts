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

import { isDateString, toVnDate, vnDateTimeParts } from './time';

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

/** Why an ID number is not a possible CCCD, in both languages (the field error at the door). */
export const CCCD_PROBLEMS: Readonly<
  Record<Extract<ParseCccdResult, { ok: false }>['reason'], { vi: string; en: string }>
> = Object.freeze({
  invalid_characters: {
    vi: 'Số CCCD chỉ gồm chữ số.',
    en: 'A CCCD number has digits only.',
  },
  invalid_length: {
    vi: 'Số CCCD phải có đúng 12 chữ số.',
    en: 'A CCCD number has exactly 12 digits.',
  },
  unknown_province: {
    vi: 'Ba số đầu của CCCD không phải mã tỉnh nơi đăng ký khai sinh.',
    en: 'The first three digits of the CCCD are not a birth-registration province code.',
  },
  invalid_birth_year: {
    vi: 'Số thứ 4–6 của CCCD cho năm sinh ở tương lai.',
    en: 'Digits 4–6 of the CCCD give a birth year in the future.',
  },
});

/** The masked display form, all but the last 4 digits hidden: `********1234`. */
export function maskCccd(s: string): string {
  const id = compact(s);
  return '*'.repeat(Math.max(0, id.length - 4)) + id.slice(-4);
}

/** The last 4 digits of an ID number (enough for a person to recognise it). */
export function cccdLast4(s: string): string {
  return compact(s).slice(-4);
}

/** What the QR on a chip CCCD card says (personal data: fill a form with it, never log it). */
export type CccdQrData = {
  /** The 12-digit ID number. */
  idNumber: string;
  /** The old 9-digit (or 12-digit) CMND number, when the card lists one. */
  oldId?: string;
  fullName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'male' | 'female';
  /** The permanent residence as printed (nơi thường trú). */
  address: string;
  /** `YYYY-MM-DD`, the day the card was issued. */
  issueDate: string;
};

export type ParseCccdQrResult =
  | { ok: true; data: CccdQrData }
  | {
      ok: false;
      reason:
        | 'not_cccd_qr'
        | 'invalid_id'
        | 'invalid_old_id'
        | 'invalid_name'
        | 'invalid_date'
        | 'invalid_sex'
        | 'inconsistent';
    };

/** `ddMMyyyy` → `YYYY-MM-DD`, or null when it is not a real date. */
function qrDate(s: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isDateString(iso) ? iso : null;
}

/**
 * Reads the QR printed on a chip CCCD card (front of the 2021 card, back of the 2024 căn
 * cước): `số CCCD|số CMND cũ|họ tên|ngày sinh ddMMyyyy|giới tính|nơi thường trú|ngày cấp
 * ddMMyyyy`, pipe-separated; the old-ID field may be empty; fields a later card may append
 * after the seventh are ignored. Refused: anything that is not seven fields, an ID number
 * that is not a CCCD ({@link parseCccd}), a date that is not real or in the future, a sex
 * other than Nam/Nữ, and a birth year or sex that contradicts the ID number's own digits
 * (a QR that is not the card's own).
 */
export function parseCccdQr(text: string, opts: ParseCccdOptions = {}): ParseCccdQrResult {
  const parts = typeof text === 'string' ? text.normalize('NFC').trim().split('|') : [];
  if (parts.length < 7) return { ok: false, reason: 'not_cccd_qr' };
  const [id, oldId, name, birth, sexText, address, issued] = parts.map((p) => p.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const parsed = parseCccd(id, opts);
  if (!/^\d{12}$/.test(id) || !parsed.ok) return { ok: false, reason: 'invalid_id' };
  if (oldId !== '' && !/^(\d{9}|\d{12})$/.test(oldId))
    return { ok: false, reason: 'invalid_old_id' };
  const fullName = name.replace(/\s+/g, ' ');
  if (fullName.length < 2 || fullName.length > 120 || /[\d<>]/.test(fullName))
    return { ok: false, reason: 'invalid_name' };
  const birthDate = qrDate(birth);
  const issueDate = qrDate(issued);
  const today = toVnDate(opts.now ?? new Date());
  if (!birthDate || !issueDate || birthDate > today || issueDate > today || issueDate < birthDate)
    return { ok: false, reason: 'invalid_date' };
  const sex = { nam: 'male', nữ: 'female' }[sexText.toLowerCase()] as CccdQrData['sex'] | undefined;
  if (!sex) return { ok: false, reason: 'invalid_sex' };
  if (parsed.sex !== sex || parsed.birthYear !== Number(birthDate.slice(0, 4)))
    return { ok: false, reason: 'inconsistent' };
  return {
    ok: true,
    data: {
      idNumber: id,
      ...(oldId ? { oldId } : {}),
      fullName,
      birthDate,
      sex,
      address: address.replace(/\s+/g, ' '),
      issueDate,
    },
  };
}
