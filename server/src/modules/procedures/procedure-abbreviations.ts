/**
 * The abbreviations callers and operators use for procedures, folded (no diacritics, lower
 * case). Each maps to the phrases a catalogue entry says instead, the first being the one the
 * search ranks by. Abbreviations of two letters (KS, KH) stand only for a whole word typed
 * alone, never as part of another word.
 */
export const PROCEDURE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  gplx: ['giay phep lai xe'],
  'bang lai': ['giay phep lai xe'],
  cccd: ['can cuoc', 'can cuoc cong dan'],
  cmnd: ['can cuoc', 'chung minh nhan dan'],
  lltp: ['ly lich tu phap'],
  gcn: ['giay chung nhan'],
  qsdd: ['quyen su dung dat'],
  'so do': ['giay chung nhan quyen su dung dat', 'giay chung nhan'],
  'so hong': ['giay chung nhan quyen su dung dat', 'giay chung nhan'],
  dkkd: ['dang ky kinh doanh', 'kinh doanh'],
  hkd: ['ho kinh doanh'],
  dn: ['doanh nghiep'],
  tnhh: ['trach nhiem huu han', 'tnhh'],
  ks: ['khai sinh'],
  gks: ['giay khai sinh', 'khai sinh'],
  kh: ['ket hon'],
  dkkh: ['dang ky ket hon'],
  xntthn: ['xac nhan tinh trang hon nhan'],
  hc: ['ho chieu'],
  bhxh: ['bao hiem xa hoi'],
  bhyt: ['bao hiem y te'],
  gpxd: ['giay phep xay dung'],
  gpld: ['giay phep lao dong'],
  attp: ['an toan thuc pham'],
  tctn: ['tro cap that nghiep'],
  xlvphc: ['vi pham hanh chinh'],
};

/** One word (or abbreviation) of a query: any of its phrases must appear. */
export type SearchTerm = {
  /** Phrases that appear as they are (substring of the folded catalogue text). */
  phrases: string[];
  /** An abbreviation that counts only as a whole word of the catalogue text. */
  word?: string;
};

/** A query read for the catalogue search: its terms and the text results are ranked by. */
export type ProcedureQuery = { terms: SearchTerm[]; rankText: string };

const LONGEST_KEY = Math.max(
  ...Object.keys(PROCEDURE_ABBREVIATIONS).map((k) => k.split(' ').length),
);

/**
 * Reads a folded query: every abbreviation (longest first, e.g. "so do") becomes a term
 * matched by its phrases or by the abbreviation as a whole word; other words stay as typed.
 * `lltp so 2` → terms [ly lich tu phap | lltp] [so] [2], ranked as "ly lich tu phap so 2".
 */
export function readProcedureQuery(folded: string): ProcedureQuery {
  const words = folded.split(' ').filter(Boolean);
  const terms: SearchTerm[] = [];
  const rank: string[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(LONGEST_KEY, words.length - i); n >= 1 && !matched; n--) {
      const key = words.slice(i, i + n).join(' ');
      const phrases = PROCEDURE_ABBREVIATIONS[key];
      if (!phrases) continue;
      terms.push({ phrases: [...phrases], word: key });
      rank.push(phrases[0]!);
      i += n;
      matched = true;
    }
    if (!matched) {
      terms.push({ phrases: [words[i]!] });
      rank.push(words[i]!);
      i += 1;
    }
  }
  return { terms, rankText: rank.join(' ') };
}
