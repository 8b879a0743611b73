import { describe, expect, it } from 'vitest';

import { CCCD_PROVINCE_CODES, cccdLast4, maskCccd, parseCccd } from './cccd';

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
