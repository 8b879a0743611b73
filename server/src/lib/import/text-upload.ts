import express, { type RequestHandler } from 'express';
import { AppError } from '../errors';

/** Reads any upload as the raw request body (an import route's first step). */
export function rawUpload(limitBytes: number): RequestHandler {
  return express.raw({ type: () => true, limit: limitBytes });
}

const HOW_TO_FIX = {
  vi: 'Lưu tệp dưới dạng CSV UTF-8 (Excel: Lưu dưới dạng → CSV UTF-8) hoặc .xlsx rồi tải lại.',
  en: 'Save the file as CSV UTF-8 (Excel: Save As → CSV UTF-8) or as .xlsx and upload it again.',
};

/** 415 naming what is wrong with the file's encoding and how to save it right. */
export function unsupportedEncoding(problem: { vi: string; en: string }): AppError {
  return new AppError(415, 'unsupported_encoding', {
    vi: `${problem.vi} ${HOW_TO_FIX.vi}`,
    en: `${problem.en} ${HOW_TO_FIX.en}`,
  });
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Strict decoding of the bytes after a byte-order mark (or of all of them without one). */
function decodeStrict(body: Buffer): string {
  const bom = (...b: number[]) => b.every((x, i) => body[i] === x);
  const [encoding, skip] = bom(0xef, 0xbb, 0xbf)
    ? (['utf-8', 3] as const)
    : bom(0xff, 0xfe)
      ? (['utf-16le', 2] as const)
      : bom(0xfe, 0xff)
        ? (['utf-16be', 2] as const)
        : (['utf-8', 0] as const);
  const bytes = body.subarray(skip);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const line = lineAt(loose, loose.indexOf('\uFFFD'));
    throw unsupportedEncoding(
      encoding === 'utf-8'
        ? {
            vi: `Tệp không phải văn bản UTF-8: dòng ${line} có byte không đọc được theo UTF-8 (thường do tệp được lưu theo bảng mã Windows-1258, Windows-1252 hoặc TCVN3).`,
            en: `The file is not UTF-8 text: line ${line} holds bytes that are not UTF-8 (usually a file saved as Windows-1258, Windows-1252 or TCVN3).`,
          }
        : {
            vi: `Tệp ghi dấu UTF-16 nhưng dòng ${line} không đọc được theo UTF-16.`,
            en: `The file is marked UTF-16 but line ${line} is not valid UTF-16.`,
          },
    );
  }
}

/** How Windows-1252 shows the bytes 0x80–0x9F (the rest of 0x80–0xFF is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const cp1252Byte = (ch: string): number | undefined => {
  const c = ch.charCodeAt(0);
  if (c >= 0xa0 && c <= 0xff) return c;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : undefined;
};
const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009F]/g, '')}]`;
const MOJIBAKE_CANDIDATE = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}{1,3}`, 'g');
/** Vietnamese letters (precomposed), and the tone marks of decomposed text. */
const VIETNAMESE_LETTERS = new Set([
  ...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
]);

/** The letter a run of Windows-1252 signs would be if its bytes were read as UTF-8. */
function asUtf8(run: string): string | undefined {
  const bytes = [...run].map(cp1252Byte);
  if (bytes.some((b) => b === undefined)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes as number[]));
  } catch {
    return undefined;
  }
}

/**
 * Where the text is UTF-8 that was once read as Windows-1252 and saved again ("Mã" became
 * "MÃ£", "Đ" became "Ä\u0090"): Vietnamese letters' UTF-8 bytes shown as two or three
 * Latin-1 signs. Twice at least, so a real "Ã" before a "©" is not taken for it. Returns
 * the index of the first, or -1.
 */
export function doubleEncodedAt(text: string): number {
  const found: number[] = [];
  for (const m of text.matchAll(MOJIBAKE_CANDIDATE)) {
    const letter = asUtf8(m[0])?.toLowerCase();
    if (letter && [...letter].every((ch) => VIETNAMESE_LETTERS.has(ch))) found.push(m.index);
    if (found.length >= 2) return found[0]!;
  }
  return -1;
}

/**
 * The uploaded file as text, decoded strictly: UTF-8 with or without a byte-order mark, or
 * UTF-16 (little or big endian) with one — what Excel writes as "CSV UTF-8" and "Unicode
 * Text". Refuses (the caller's 415) an empty body or a binary file (a NUL character), and
 * with `unsupported_encoding` anything in another encoding — bytes that are not UTF-8, or
 * UTF-8 that was garbled once already — so an import never reads mojibake.
 */
export function uploadedText(body: unknown, notText: () => AppError): string {
  if (!Buffer.isBuffer(body) || body.length === 0) throw notText();
  const utf16 = (body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff);
  if (!utf16 && body.includes(0)) throw notText();
  const text = decodeStrict(body);
  if (text.includes('\u0000')) throw notText();
  const garbled = doubleEncodedAt(text);
  if (garbled >= 0) {
    const line = lineAt(text, garbled);
    const sample = text.slice(garbled, garbled + 12);
    throw unsupportedEncoding({
      vi: `Chữ tiếng Việt ở dòng ${line} đã bị lỗi mã hóa ("${sample}…"): tệp UTF-8 từng được mở và lưu lại theo bảng mã khác.`,
      en: `The Vietnamese text on line ${line} is garbled ("${sample}…"): a UTF-8 file was opened and saved again in another encoding.`,
    });
  }
  return text;
}
