import { describe, expect, it } from 'vitest';

import { CCCD_PROVINCE_CODES, cccdLast4, maskCccd, parseCccd, parseCccdQr } from './cccd';

const now = new Date('2026-06-01T00:00:00Z');

describe('parseCccd', () => {
  it('reads province, sex and birth year', () => {
    const cases = [
      ['075090001234', '075', 'male', 1990],
      ['001185012345', '001', 'female', 1985],
      ['079203000001', '079', 'male', 2003],
      ['096326000001', '096', 'female', 2026],
      ['036899000001', '036', 'male', 1899],
      ['036999000001', '036', 'female', 1899],
    ] as const;
    for (const [id, provinceCode, sex, birthYear] of cases) {
      expect(parseCccd(id, { now }), id).toEqual({ ok: true, provinceCode, sex, birthYear });
    }
  });

  it('ignores spaces between the groups', () => {
    expect(parseCccd(' 075 0 90 001234 ', { now })).toMatchObject({ ok: true, birthYear: 1990 });
  });

  it('refuses wrong lengths, letters, unknown provinces and future birth years', () => {
    expect(parseCccd('', { now })).toEqual({ ok: false, reason: 'invalid_length' });
    expect(parseCccd('271234567', { now })).toEqual({ ok: false, reason: 'invalid_length' }); // old 9-digit CMND
    expect(parseCccd('0750900012345', { now })).toEqual({ ok: false, reason: 'invalid_length' });
    expect(parseCccd('07509000123A', { now })).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseCccd('003090001234', { now })).toEqual({ ok: false, reason: 'unknown_province' });
    expect(parseCccd('097090001234', { now })).toEqual({ ok: false, reason: 'unknown_province' });
    expect(parseCccd('000090001234', { now })).toEqual({ ok: false, reason: 'unknown_province' });
    expect(parseCccd('075227000001', { now })).toEqual({ ok: false, reason: 'invalid_birth_year' }); // 2027
    expect(parseCccd('075400000001', { now })).toEqual({ ok: false, reason: 'invalid_birth_year' }); // 2100
  });

  it('knows the 63 birth-registration provinces', () => {
    const codes = Object.keys(CCCD_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c) && c >= '001' && c <= '096')).toBe(true);
    expect(CCCD_PROVINCE_CODES['075']).toBe('Đồng Nai');
    expect(CCCD_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
  });
});

describe('masking', () => {
  it('shows only the last 4 digits', () => {
    expect(maskCccd('075090001234')).toBe('********1234');
    expect(maskCccd('075 0 90 001234')).toBe('********1234');
    expect(cccdLast4('075090001234')).toBe('1234');
  });
});

// Synthetic cards (made-up people; the ID numbers follow the layout but belong to no one).
const LAN =
  '075190012345|272345678|Phạm Thị Lan|14021990|Nữ|Số 12, đường Võ Thị Sáu, Phường Trấn Biên, Đồng Nai|15082021';
const TUAN = '079203004567||Võ Minh Tuấn|01012003|Nam|Ấp 3, Xã Long Thành, Đồng Nai|20032024';

describe('parseCccdQr', () => {
  it('reads the seven fields of the card’s QR', () => {
    expect(parseCccdQr(LAN, { now })).toEqual({
      ok: true,
      data: {
        idNumber: '075190012345',
        oldId: '272345678',
        fullName: 'Phạm Thị Lan',
        birthDate: '1990-02-14',
        sex: 'female',
        address: 'Số 12, đường Võ Thị Sáu, Phường Trấn Biên, Đồng Nai',
        issueDate: '2021-08-15',
      },
    });
  });

  it('leaves the old ID out when the card has none, and ignores fields appended after the seventh', () => {
    const r = parseCccdQr(`${TUAN}|`, { now });
    expect(r).toMatchObject({ ok: true, data: { idNumber: '079203004567', sex: 'male' } });
    expect(r.ok && 'oldId' in r.data).toBe(false);
  });

  it('accepts decomposed diacritics (NFD) and stray spaces as a scanner may give them', () => {
    const r = parseCccdQr(` ${TUAN.normalize('NFD').replace('Võ Minh', 'Võ  Minh')} `, { now });
    expect(r).toMatchObject({ ok: true, data: { fullName: 'Võ Minh Tuấn', sex: 'male' } });
  });

  it('refuses what is not a CCCD QR', () => {
    const refuse = (text: string) => {
      const r = parseCccdQr(text, { now });
      return r.ok ? 'ok' : r.reason;
    };
    expect(refuse('')).toBe('not_cccd_qr');
    expect(refuse('H48.19.10-260315-0042')).toBe('not_cccd_qr');
    expect(refuse('https://example.vn/tra-cuu/abc')).toBe('not_cccd_qr');
    expect(refuse('075190012345|272345678|Phạm Thị Lan|14021990|Nữ|Đồng Nai')).toBe('not_cccd_qr');
    expect(refuse(LAN.replace('075190012345', '07519001234'))).toBe('invalid_id');
    expect(refuse(LAN.replace('075190012345', '003190012345'))).toBe('invalid_id');
    expect(refuse(LAN.replace('272345678', '27234A678'))).toBe('invalid_old_id');
    expect(refuse(LAN.replace('Phạm Thị Lan', ''))).toBe('invalid_name');
    expect(refuse(LAN.replace('14021990', '30021990'))).toBe('invalid_date');
    expect(refuse(LAN.replace('14021990', '1990-02-14'))).toBe('invalid_date');
    expect(refuse(LAN.replace('15082021', '15082027'))).toBe('invalid_date'); // issued after "now"
    expect(refuse(LAN.replace('15082021', '15081989'))).toBe('invalid_date'); // issued before birth
    expect(refuse(LAN.replace('|Nữ|', '|F|'))).toBe('invalid_sex');
    // The ID's digits say female, born 1990: a QR that contradicts them is not this card's.
    expect(refuse(LAN.replace('|Nữ|', '|Nam|'))).toBe('inconsistent');
    expect(refuse(LAN.replace('14021990', '14021991'))).toBe('inconsistent');
  });
});
