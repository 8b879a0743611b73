import { describe, expect, it } from 'vitest';

import { defaultHolidays, type HolidayEntry } from './holidays';
import { dayOfWeek } from './time';

function byDate(entries: HolidayEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e.date, e.name]));
}

describe('defaultHolidays', () => {
  it('pre-fills 2026 from the Labour Code, with Monday 27/4 off for Giỗ Tổ on Sunday 26/4', () => {
    const h = defaultHolidays(2026);
    expect(h.every((e) => e.kind === 'holiday')).toBe(true);
    expect(byDate(h)).toEqual({
      '2026-01-01': 'Tết Dương lịch',
      '2026-02-16': 'Tết Nguyên Đán',
      '2026-02-17': 'Tết Nguyên Đán',
      '2026-02-18': 'Tết Nguyên Đán',
      '2026-02-19': 'Tết Nguyên Đán',
      '2026-02-20': 'Tết Nguyên Đán',
      '2026-04-26': 'Giỗ Tổ Hùng Vương',
      '2026-04-27': 'Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30': 'Ngày Giải phóng miền Nam',
      '2026-05-01': 'Ngày Quốc tế Lao động',
      '2026-09-01': 'Quốc khánh',
      '2026-09-02': 'Quốc khánh',
    });
    expect(dayOfWeek('2026-04-26')).toBe(0);
  });

  it('gives Tết 2027 five days from the last day of the lunar year, plus two compensatory days for its weekend', () => {
    const tet = defaultHolidays(2027).filter((e) => e.date.startsWith('2027-02'));
    expect(tet).toEqual([
      { date: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên Đán' }, // 29 tháng Chạp, Friday
      { date: '2027-02-06', kind: 'holiday', name: 'Tết Nguyên Đán' }, // mùng 1, Saturday
      { date: '2027-02-07', kind: 'holiday', name: 'Tết Nguyên Đán' }, // Sunday
      { date: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên Đán' },
      { date: '2027-02-09', kind: 'holiday', name: 'Tết Nguyên Đán' },
      { date: '2027-02-10', kind: 'holiday', name: 'Nghỉ bù Tết Nguyên Đán' },
      { date: '2027-02-11', kind: 'holiday', name: 'Nghỉ bù Tết Nguyên Đán' },
    ]);
  });

  it('gives consecutive weekend holidays consecutive compensatory days (30/4 Sat, 1/5 Sun 2022)', () => {
    const h = byDate(defaultHolidays(2022));
    expect(h['2022-05-02']).toBe('Nghỉ bù Ngày Giải phóng miền Nam');
    expect(h['2022-05-03']).toBe('Nghỉ bù Ngày Quốc tế Lao động');
  });

  it('joins to 2/9 the day that bridges to the weekend, as the government chose in 2021–2025', () => {
    const nationalDay = (y: number) =>
      defaultHolidays(y)
        .filter((e) => e.date.startsWith(`${y}-09`))
        .map((e) => `${e.date.slice(5)} ${e.name}`);
    expect(nationalDay(2021)).toEqual(['09-02 Quốc khánh', '09-03 Quốc khánh']); // Thu + Fri
    expect(nationalDay(2022)).toEqual(['09-01 Quốc khánh', '09-02 Quốc khánh']); // Thu + Fri
    expect(nationalDay(2023)).toEqual([
      '09-01 Quốc khánh',
      '09-02 Quốc khánh',
      '09-04 Nghỉ bù Quốc khánh',
    ]); // Fri + Sat → Mon
    expect(nationalDay(2024)).toEqual(['09-02 Quốc khánh', '09-03 Quốc khánh']); // Mon + Tue
    expect(nationalDay(2025)).toEqual(['09-01 Quốc khánh', '09-02 Quốc khánh']); // Mon + Tue
  });

  it('moves the day off for 1 January on a Saturday to Monday 3 January 2022', () => {
    const h = byDate(defaultHolidays(2022));
    expect(h['2022-01-01']).toBe('Tết Dương lịch');
    expect(h['2022-01-03']).toBe('Nghỉ bù Tết Dương lịch');
  });

  it('lists one entry per date, sorted, every compensatory day on a weekday', () => {
    for (let y = 2020; y <= 2040; y++) {
      const h = defaultHolidays(y);
      const dates = h.map((e) => e.date);
      expect([...dates].sort(), String(y)).toEqual(dates);
      expect(new Set(dates).size, String(y)).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${y}-`))).toBe(true);
      for (const e of h.filter((x) => x.name.startsWith('Nghỉ bù'))) {
        expect([0, 6]).not.toContain(dayOfWeek(e.date));
      }
    }
  });

  it('refuses a year outside the supported range', () => {
    expect(() => defaultHolidays(1800)).toThrow(RangeError);
    expect(() => defaultHolidays(2026.5)).toThrow(RangeError);
  });
});
