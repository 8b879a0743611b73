import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { doubleEncodedAt, uploadedText } from './text-upload';

const notText = () => new AppError(415, 'not_text', { vi: 'x', en: 'x' });
const SAMPLE = 'Mã thủ tục;Tên\n1.001;Đăng ký khai sinh – Ủy ban «xã» 150.000 ₫ ½ ©';
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'ok';
};

describe('uploadedText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    for (const body of [
      Buffer.from(SAMPLE),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]),
      utf16le,
      utf16be,
    ])
      expect(uploadedText(body, notText)).toBe(SAMPLE);
  });

  it('refuses bytes in another code page, naming the line', () => {
    // "Mã" in Windows-1252/1258: 0xE3 is not UTF-8 on its own.
    const body = Buffer.from([...Buffer.from('code;name\n1;M'), 0xe3, 0x3b, 0x0a]);
    expect(code(() => uploadedText(body, notText))).toBe('unsupported_encoding');
    try {
      uploadedText(body, notText);
    } catch (e) {
      expect((e as AppError).message).toContain('line 2');
    }
  });

  it('refuses UTF-8 that was read as Windows-1252 and saved again', () => {
    const garbled = Buffer.from(Buffer.from('Mã thủ tục;Đăng ký').toString('latin1'), 'utf8');
    expect(code(() => uploadedText(garbled, notText))).toBe('unsupported_encoding');
    expect(doubleEncodedAt('Ä\u0090Äƒng kÃ½')).toBe(0);
  });

  it('does not take real Vietnamese for garbled text', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = letters + letters.toUpperCase();
    const signs = '¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿–—‘’“”•…€™ ';
    for (const ch of all)
      for (const s of signs) expect(doubleEncodedAt(`${ch}${s}${s} ${ch}${s}`)).toBe(-1);
    expect(doubleEncodedAt(`${SAMPLE} MÃ ©, HÒA–Ô’ Ấ° ${SAMPLE}`)).toBe(-1);
  });

  it('refuses an empty or binary upload with the caller’s error', () => {
    expect(code(() => uploadedText(Buffer.alloc(0), notText))).toBe('not_text');
    expect(code(() => uploadedText(Buffer.from([0x50, 0x4b, 3, 4, 0]), notText))).toBe('not_text');
  });
});
