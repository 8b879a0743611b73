/**
 * Vietnamese phone numbers (DOMAIN.md "Phones and IDs").
 *
 * - Mobile: 10 digits with the trunk 0 (`09x xxx xxxx`), i.e. 9 after +84. The first three
 *   digits (with the 0) are the network prefix.
 * - Landline: 11 digits with the 0 — a 02xx area code and a 7-digit number
 *   (Đồng Nai `0251 3822 123`), or Hà Nội 024 / TP.HCM 028 with an 8-digit number.
 * - Short codes: service numbers such as 1022, 113, 1900xxxx; they have no E.164 form and
 *   are kept as their digits.
 *
 * Storage is E.164 (`+84912345678`), display is `0912 345 678`.
 */

/**
 * Mobile network prefixes in use (national form, with the trunk 0), after the 2018 move
 * from 11-digit numbers: Viettel 032–039, 086, 096–098; VinaPhone 081–085, 088, 091, 094;
 * MobiFone 070, 076–079, 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099;
 * Reddi 055; iTel 087; plus the rest of 09x. New prefixes are allocated from time to time:
 * pass them as `extraMobilePrefixes` (configuration) rather than editing this list.
 */
// prettier-ignore
export const MOBILE_PREFIXES_DEFAULT: readonly string[] = Object.freeze([
  '032', '033', '034', '035', '036', '037', '038', '039',
  '052', '055', '056', '058', '059',
  '070', '076', '077', '078', '079',
  '081', '082', '083', '084', '085', '086', '087', '088', '089',
  '090', '091', '092', '093', '094', '095', '096', '097', '098', '099',
]);

export type PhoneKind = 'mobile' | 'landline' | 'short';

export type NormalizePhoneOptions = {
  /**
   * Mobile prefixes to accept on top of {@link MOBILE_PREFIXES_DEFAULT}, written `0xx`
   * (`xx` and `+84xx` are accepted too).
   */
  extraMobilePrefixes?: readonly string[];
};

export type NormalizePhoneResult =
  | { ok: true; e164: string; kind: PhoneKind }
  | { ok: false; reason: 'empty' | 'invalid_characters' | 'invalid_length' | 'unknown_prefix' };

/** Digits a person may type between the digits: spaces, dots, dashes, parentheses, slashes. */
const SEPARATORS = /[\s.\-()/\u00a0]/g;

/** Service numbers: 3–4 digit codes (113, 1022) and 1800/1900 numbers of 8 or 10 digits. */
const SHORT_CODE = /^(?:1\d{2,3}|1[89]00\d{4}(?:\d{2})?)$/;

/** Area codes with a 3-digit national form whose numbers have 8 digits: Hà Nội, TP.HCM. */
const BIG_CITY_AREA_CODES = new Set(['24', '28']);

/** The two digits after the trunk 0 of a prefix written `0xx`, `xx` or `+84xx`. */
function prefixKey(prefix: string): string {
  const digits = prefix.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length === 4) return digits.slice(2);
  return digits.replace(/^0/, '');
}

const DEFAULT_PREFIX_KEYS = new Set(MOBILE_PREFIXES_DEFAULT.map(prefixKey));

/**
 * Reads a phone number as a person types it and returns its E.164 form and kind.
 * Accepts `0912 345 678`, `0912.345.678`, `+84912345678`, `84912345678`,
 * `(+84) 912-345-678`, `+84 (0) 912…`, landlines `0251 3822 123`, and short codes `1022`.
 * Foreign numbers (`+` with a country code other than 84) are refused as `unknown_prefix`.
 */
export function normalizePhone(
  input: string,
  opts: NormalizePhoneOptions = {},
): NormalizePhoneResult {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (raw === '') return { ok: false, reason: 'empty' };

  const compact = raw.replace(SEPARATORS, '');
  if (compact === '') return { ok: false, reason: 'invalid_characters' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'invalid_characters' };

  const international = compact.startsWith('+');
  const digits = international ? compact.slice(1) : compact;
  let national: string; // the national significant number, without the trunk 0

  if (international) {
    if (!digits.startsWith('84')) return { ok: false, reason: 'unknown_prefix' };
    national = digits.slice(2).replace(/^0/, '');
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else if (digits.startsWith('84') && digits.length >= 11) {
    national = digits.slice(2).replace(/^0/, '');
  } else if (SHORT_CODE.test(digits)) {
    return { ok: true, e164: digits, kind: 'short' };
  } else {
    // Neither a trunk 0 nor the country code: most often a mobile number missing its 0.
    return { ok: false, reason: 'invalid_length' };
  }

  const first = national[0];
  if (first === '2') {
    if (national.length !== 10) return { ok: false, reason: 'invalid_length' };
    return { ok: true, e164: `+84${national}`, kind: 'landline' };
  }
  if (first === '3' || first === '5' || first === '7' || first === '8' || first === '9') {
    if (national.length !== 9) return { ok: false, reason: 'invalid_length' };
    const key = national.slice(0, 2);
    const known =
      DEFAULT_PREFIX_KEYS.has(key) ||
      (opts.extraMobilePrefixes ?? []).some((p) => prefixKey(p) === key);
    if (!known) return { ok: false, reason: 'unknown_prefix' };
    return { ok: true, e164: `+84${national}`, kind: 'mobile' };
  }
  if (national.length === 0) return { ok: false, reason: 'invalid_length' };
  // 01x (the 11-digit mobile numbers retired in 2018), 04x, 06x, 00…
  return { ok: false, reason: 'unknown_prefix' };
}

/** Splits a national number (with its trunk 0) into display groups. */
function groupNational(national: string, kind: PhoneKind): [string, string, string] {
  if (kind === 'mobile') return [national.slice(0, 4), national.slice(4, 7), national.slice(7)];
  // Landline: area code, then the subscriber number in two groups.
  const areaLen = BIG_CITY_AREA_CODES.has(national.slice(1, 3)) ? 3 : 4;
  const area = national.slice(0, areaLen);
  const rest = national.slice(areaLen);
  // 7-digit numbers read `3822 123`, 8-digit ones `3825 1234`.
  return [area, rest.slice(0, 4), rest.slice(4)];
}

/**
 * Display form: `+84912345678` → `0912 345 678`, `+842513822123` → `0251 3822 123`,
 * `+842438251234` → `024 3825 1234`, `1022` → `1022`. Any input `normalizePhone`
 * understands is accepted; anything else is returned trimmed, unchanged.
 */
export function formatPhone(e164: string): string {
  const r = normalizePhone(e164);
  if (!r.ok) return typeof e164 === 'string' ? e164.trim() : '';
  if (r.kind === 'short') return r.e164;
  return groupNational(`0${r.e164.slice(3)}`, r.kind).join(' ');
}

/**
 * Masked display form for screens that must not show the whole number (public tracking,
 * lists): the middle group becomes stars, `0912 *** 678`, `0251 **** 123`. Short codes are
 * public and shown whole; an unreadable input shows only its last 3 digits.
 */
export function maskPhone(e164: string): string {
  const r = normalizePhone(e164);
  if (!r.ok) {
    const digits = typeof e164 === 'string' ? e164.replace(/\D/g, '') : '';
    return `***${digits.slice(-3)}`;
  }
  if (r.kind === 'short') return r.e164;
  const [head, middle, tail] = groupNational(`0${r.e164.slice(3)}`, r.kind);
  return `${head} ${'*'.repeat(middle.length)} ${tail}`;
}

/** The last 4 digits of a number (what a citizen types to open public tracking). */
export function phoneLast4(e164: string): string {
  return (typeof e164 === 'string' ? e164.replace(/\D/g, '') : '').slice(-4);
}
