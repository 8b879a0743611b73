import { describe, expect, it } from 'vitest';

import { VndAmountSchema, formatVnd, isVndAmount, parseVnd, sumVnd } from './money';

describe('formatVnd', () => {
  it('writes dots between thousands, a non-breaking space (U+00A0), then ₫, so ₫ never wraps alone', () => {
    expect(formatVnd(150000)).toBe('150.000\u00a0₫');
    expect(formatVnd(26000)).toBe('26.000\u00a0₫');
    expect(formatVnd(1234567890)).toBe('1.234.567.890\u00a0₫');
    expect(formatVnd(999)).toBe('999\u00a0₫');
    expect(formatVnd(1000)).toBe('1.000\u00a0₫');
    expect(formatVnd(150000).charCodeAt(7)).toBe(0xa0);
  });

  it('writes zero and negatives', () => {
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd(-0)).toBe('0\u00a0₫');
    expect(formatVnd(-150000)).toBe('-150.000\u00a0₫');
  });

  it('takes bigints beyond the safe integer range', () => {
    expect(formatVnd(12345678901234567890n)).toBe('12.345.678.901.234.567.890\u00a0₫');
    expect(formatVnd(-1000n)).toBe('-1.000\u00a0₫');
  });

  it('refuses fractions of a đồng', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
    expect(() => formatVnd(2 ** 60)).toThrow(RangeError);
  });
});

describe('parseVnd', () => {
  it.each([
    ['150.000', 150000],
    ['150000', 150000],
    ['150.000 ₫', 150000],
    ['150,000', 150000],
    ['150 000 đ', 150000],
    ['  1.234.567 VND ', 1234567],
    ['26.000đ', 26000],
    ['0', 0],
    ['999', 999],
  ])('reads %j as %d', (input, expected) => {
    expect(parseVnd(input)).toBe(expected);
  });

  it('round-trips what formatVnd writes', () => {
    for (const n of [0, 7, 8000, 31500, 1_000_000, 987_654_321_000])
      expect(parseVnd(formatVnd(n))).toBe(n);
  });

  it.each([
    '',
    '   ',
    '₫',
    'abc',
    '150.5',
    '150,50',
    '150.000,00',
    '1.50.000',
    '1.000,000',
    '-150.000',
    '15O.000',
    '1e6',
    '0x10',
    '99999999999999999999',
  ])('rejects %j', (input) => {
    expect(parseVnd(input)).toBeNull();
  });
});

describe('isVndAmount', () => {
  it('accepts safe non-negative integers only', () => {
    expect(isVndAmount(0)).toBe(true);
    expect(isVndAmount(150000)).toBe(true);
    expect(isVndAmount(-1)).toBe(false);
    expect(isVndAmount(1.5)).toBe(false);
    expect(isVndAmount('150000')).toBe(false);
    expect(isVndAmount(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isVndAmount(Number.NaN)).toBe(false);
  });
});

describe('sumVnd', () => {
  it('adds whole amounts, reversals included', () => {
    expect(sumVnd([])).toBe(0);
    expect(sumVnd([26000, 8000, 150000])).toBe(184000);
    expect(sumVnd([150000, -150000, 31500])).toBe(31500);
  });

  it('throws on a non-integer or an overflowing total', () => {
    expect(() => sumVnd([1000, 0.5])).toThrow(RangeError);
    expect(() => sumVnd([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('VndAmountSchema', () => {
  it('accepts whole non-negative amounts up to 10^12', () => {
    expect(VndAmountSchema.parse(0)).toBe(0);
    expect(VndAmountSchema.parse(1e12)).toBe(1e12);
  });

  it('rejects fractions, negatives, huge amounts and strings', () => {
    for (const bad of [1.5, -1, 1e12 + 1, '1000', Number.NaN]) {
      expect(VndAmountSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});
