/**
 * Money is whole Vietnamese đồng (VND has no minor unit in practice): integers end to end,
 * `bigint` columns in the database, never floats. This module formats and parses amounts
 * the way Vietnamese screens and receipts write them: `150.000 ₫`.
 */

/**
 * The largest amount of money the system accepts anywhere it is typed in: 1,000 billion ₫.
 * One cap for a payment line, a job's fee or postal charge, a procedure's tariff and a cash
 * count, so that whatever is due can always be collected in one line.
 */
export const MAX_VND = 1_000_000_000_000;

/** Whether `n` is a valid VND amount: a safe, non-negative integer. */
export function isVndAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The space between an amount and ₫: non-breaking (U+00A0), so ₫ never wraps onto its own line. */
export const VND_SPACE = '\u00a0';

/**
 * Formats whole đồng as `150.000 ₫`: dot as the thousands separator, a NON-BREAKING space
 * ({@link VND_SPACE}), then ₫; negatives as `-150.000 ₫`. Every screen, receipt, record and
 * message prints money through this one function. Done by hand rather than with `Intl.NumberFormat('vi-VN')`,
 * whose output (non-breaking spaces, symbol placement) differs between runtimes.
 *
 * @throws RangeError for a number that is not a safe integer (a fraction of a đồng is a bug).
 */
export function formatVnd(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`formatVnd needs whole VND as a safe integer, got ${amount}`);
  }
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${VND_SPACE}₫`;
}

/** Currency marks people type after an amount: ₫, đ, VND, VNĐ, đồng (any case). */
const CURRENCY_SUFFIX = /\s*(₫|đ|vnđ|vnd|đồng|dong)\.?$/iu;

/**
 * Parses an amount typed by a person: `150.000`, `150000`, `150.000 ₫`, `150,000`,
 * `150 000 đ` → 150000. Thousands may be grouped with `.`, `,` or spaces (one kind per
 * amount, groups of exactly three digits). Returns null for anything else — decimals
 * (`150.5`, `150.000,00`), negatives, letters, or amounts beyond a safe integer.
 */
export function parseVnd(input: string): number | null {
  if (typeof input !== 'string') return null;
  const s = input.normalize('NFC').trim().replace(CURRENCY_SUFFIX, '').trim();
  if (s === '') return null;
  let digits: string;
  if (/^\d+$/.test(s)) {
    digits = s;
  } else {
    const m = /^\d{1,3}([.,\s\u00a0\u202f])\d{3}(?:\1\d{3})*$/u.exec(s);
    if (!m) return null;
    digits = s.replace(/\D/g, '');
  }
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Adds VND amounts exactly. Negative entries are allowed (reversing ledger entries).
 *
 * @throws RangeError if an entry is not a safe integer or the total leaves the safe range.
 */
export function sumVnd(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) {
    if (!Number.isSafeInteger(x)) throw new RangeError(`sumVnd needs whole VND, got ${x}`);
    total += x;
    if (!Number.isSafeInteger(total))
      throw new RangeError('sumVnd: total exceeds the safe integer range');
  }
  return total;
}
