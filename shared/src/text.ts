/**
 * Vietnamese text folding for search (DOMAIN.md "Searching Vietnamese text").
 *
 * "nguyen van duc" must find "Nguyễn Văn Đức". The same fold is applied to the query and
 * to the stored text; on the database side `vn_fold()` (unaccent, which also maps đ→d)
 * does the same job, so a term folded here matches a column folded there.
 */

/** Combining diacritical marks, what NFD splits the Vietnamese tone and vowel marks into. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Removes Vietnamese (and other Latin) diacritics, keeping letter case:
 * `Nguyễn Văn Đức` → `Nguyen Van Duc`. đ/Đ have no decomposed form, so they are mapped
 * explicitly.
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The search key of a text: diacritics stripped, lower-cased, runs of white space collapsed
 * to one space and trimmed. `  Nguyễn  Văn Đức ` → `nguyen van duc`.
 */
export function foldVietnamese(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A URL- and file-name-safe slug: folded, every run of characters other than `a–z0–9`
 * becomes one `-`, no leading or trailing `-`. `Cấp đổi CCCD (lần 2)` → `cap-doi-cccd-lan-2`.
 */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Vietnamese order that reads numbers as numbers and ignores case: `courier2` before `courier10`. */
const NATURAL = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * Compares two names or codes the way people read them: Vietnamese alphabet, numbers by value
 * (`courier1`, `courier2`, … `courier10`; `BĐ 2` before `BĐ 10`).
 */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

/** A sorted copy of `items` in natural order of the text `key` picks (see `naturalCompare`). */
export function sortNaturally<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => naturalCompare(key(x), key(y)));
}
