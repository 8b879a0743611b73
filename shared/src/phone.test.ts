import { describe, expect, it } from 'vitest';

import {
  MOBILE_PREFIXES_DEFAULT,
  PhoneSchema,
  createPhoneSchema,
  formatPhone,
  maskPhone,
  normalizePhone,
  phoneLast4,
} from './phone';

describe('normalizePhone', () => {
  it.each([
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '+84912345678',
    '84912345678',
    '(+84) 912-345-678',
    '+84 (0) 912 345 678',
    ' 0912345678 ',
  ])('reads mobile %j as +84912345678', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: '+84912345678', kind: 'mobile' });
  });

  it('accepts every default mobile prefix', () => {
    for (const p of MOBILE_PREFIXES_DEFAULT) {
      expect(normalizePhone(`${p}1234567`), p).toEqual({
        ok: true,
        e164: `+84${p.slice(1)}1234567`,
        kind: 'mobile',
      });
    }
  });

  it('reads landlines with a 02xx area code, and Hà Nội/TP.HCM 024/028', () => {
    expect(normalizePhone('0251 3822 123')).toEqual({
      ok: true,
      e164: '+842513822123',
      kind: 'landline',
    });
    expect(normalizePhone('+84 251 3822 123')).toEqual({
      ok: true,
      e164: '+842513822123',
      kind: 'landline',
    });
    expect(normalizePhone('024 3825 1234')).toEqual({
      ok: true,
      e164: '+842438251234',
      kind: 'landline',
    });
  });

  it('keeps short service codes as their digits', () => {
    expect(normalizePhone('1022')).toEqual({ ok: true, e164: '1022', kind: 'short' });
    expect(normalizePhone('113')).toEqual({ ok: true, e164: '113', kind: 'short' });
    expect(normalizePhone('1900 5454 58')).toEqual({ ok: true, e164: '1900545458', kind: 'short' });
    expect(normalizePhone('1800 1091')).toEqual({ ok: true, e164: '18001091', kind: 'short' });
  });

  it('says why a number is refused', () => {
    expect(normalizePhone('')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizePhone('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizePhone('0912 345 67')).toEqual({ ok: false, reason: 'invalid_length' }); // too short
    expect(normalizePhone('09123456789')).toEqual({ ok: false, reason: 'invalid_length' }); // too long
    expect(normalizePhone('0251 382 212')).toEqual({ ok: false, reason: 'invalid_length' });
    expect(normalizePhone('0912 ABC 678')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(normalizePhone('09l2345678')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(normalizePhone('0912+345678')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(normalizePhone('---')).toEqual({ ok: false, reason: 'invalid_characters' });
    // The 11-digit 01x mobile numbers were retired in 2018.
    expect(normalizePhone('01234 567 890')).toEqual({ ok: false, reason: 'unknown_prefix' });
    expect(normalizePhone('0168 123 4567')).toEqual({ ok: false, reason: 'unknown_prefix' });
    expect(normalizePhone('031 234 5678')).toEqual({ ok: false, reason: 'unknown_prefix' });
    expect(normalizePhone('+1 415 555 0100')).toEqual({ ok: false, reason: 'unknown_prefix' });
    expect(normalizePhone('912345678')).toEqual({ ok: false, reason: 'invalid_length' }); // missing its 0
  });

  it('accepts newly allocated prefixes from the override list', () => {
    expect(normalizePhone('0312345678')).toEqual({ ok: false, reason: 'unknown_prefix' });
    for (const form of ['031', '31', '+8431']) {
      expect(normalizePhone('0312345678', { extraMobilePrefixes: [form] })).toEqual({
        ok: true,
        e164: '+84312345678',
        kind: 'mobile',
      });
    }
  });
});

describe('display helpers', () => {
  it('formats E.164 for display', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('+842513822123')).toBe('0251 3822 123');
    expect(formatPhone('+842438251234')).toBe('024 3825 1234');
    expect(formatPhone('1022')).toBe('1022');
    expect(formatPhone(' garbage ')).toBe('garbage');
  });

  it('masks the middle group', () => {
    expect(maskPhone('+84912345678')).toBe('0912 *** 678');
    expect(maskPhone('+842513822123')).toBe('0251 **** 123');
    expect(maskPhone('1022')).toBe('1022');
    expect(maskPhone('55-66-77')).toBe('***677');
  });

  it('gives the last 4 digits', () => {
    expect(phoneLast4('+84912345678')).toBe('5678');
    expect(phoneLast4('+842513822123')).toBe('2123');
  });
});

describe('PhoneSchema', () => {
  it('outputs E.164', () => {
    expect(PhoneSchema.parse('0912 345 678')).toBe('+84912345678');
    expect(PhoneSchema.parse('84912345678')).toBe('+84912345678');
    expect(PhoneSchema.parse('0251 3822 123')).toBe('+842513822123');
  });

  it('refuses invalid numbers, and short codes, in Vietnamese', () => {
    for (const bad of ['0912', 'abc', '01234567890', '1022', 912345678]) {
      const r = PhoneSchema.safeParse(bad);
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Số điện thoại không hợp lệ');
    }
  });

  it('can be built with an override list and short codes allowed', () => {
    const schema = createPhoneSchema({ extraMobilePrefixes: ['031'], allowShort: true });
    expect(schema.parse('0312345678')).toBe('+84312345678');
    expect(schema.parse('1022')).toBe('1022');
  });
});
