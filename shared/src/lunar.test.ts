import { describe, expect, it } from 'vitest';

import { lunarToSolar, solarToLunar } from './lunar';
import { addDays } from './time';

/** Tết (lunar 1/1) in Vietnam, from published calendars. */
const TET: Record<number, string> = {
  1985: '1985-01-21', // China: 20 Feb — the classic UTC+7 vs UTC+8 difference
  2007: '2007-02-17', // China: 18 Feb
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02', // China: 3 Feb
};

describe('lunarToSolar', () => {
  it('finds Tết on the dates Vietnamese calendars print', () => {
    for (const [year, date] of Object.entries(TET))
      expect(lunarToSolar(1, 1, Number(year)), year).toBe(date);
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29');
  });

  it('handles leap months', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22'); // tháng 2 nhuận Quý Mão
    expect(lunarToSolar(1, 2, 2023)).toBe('2023-02-20');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25'); // tháng 6 nhuận Ất Tỵ
    expect(lunarToSolar(15, 8, 2025)).toBe('2025-10-06'); // Tết Trung thu
  });

  it('refuses dates that do not exist', () => {
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(RangeError); // 2023's leap month is the 2nd
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError); // 2026 has no leap month
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(31, 1, 2026)).toThrow(RangeError);
  });

  it('refuses day 30 of a 29-day month', () => {
    // Month 12 of Ất Tỵ (2025) has 29 days: Tết 2026 follows its 29th.
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('reads Tết and the last day of the year before', () => {
    expect(solarToLunar('2027-02-06')).toEqual({ day: 1, month: 1, year: 2027, leap: false });
    expect(solarToLunar('2027-02-05')).toEqual({ day: 29, month: 12, year: 2026, leap: false });
  });

  it('reads a leap month', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2025-08-22')).toEqual({ day: 29, month: 6, year: 2025, leap: true });
  });

  it('round-trips every day of 2024–2028', () => {
    let d = '2024-01-01';
    while (d < '2029-01-01') {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap), d).toBe(d);
      d = addDays(d, 1);
    }
  });

  it('rejects an invalid date string', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });
});
