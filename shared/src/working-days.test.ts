import { describe, expect, it } from 'vitest';

import { defaultHolidays, type HolidayEntry } from './holidays';
import {
  addWorkingDays,
  countWorkingDays,
  createWorkingCalendar,
  dueDate,
  effectiveReceiptDate,
  isLate,
  isWorkingDay,
  nextWorkingDay,
} from './working-days';

/** An instant given as Vietnam local time. */
function vn(local: string): Date {
  return new Date(`${local}+07:00`);
}

const cal = createWorkingCalendar([...defaultHolidays(2026), ...defaultHolidays(2027)]);

/** 2026 with a swapped day: Friday 2/1 off, worked back on Saturday 10/1 (the kind of swap an admin enters). */
const swapped: HolidayEntry[] = [
  ...defaultHolidays(2026),
  { date: '2026-01-02', kind: 'holiday', name: 'Nghỉ hoán đổi' },
  { date: '2026-01-10', kind: 'working_day', name: 'Làm bù cho ngày 02/01' },
];
const calSwap = createWorkingCalendar(swapped);

describe('isWorkingDay', () => {
  it('is Monday to Friday, minus holidays', () => {
    expect(isWorkingDay(cal, '2026-03-16')).toBe(true); // Monday
    expect(isWorkingDay(cal, '2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-04-27')).toBe(false); // Nghỉ bù Giỗ Tổ
    expect(isWorkingDay(cal, '2027-02-05')).toBe(false); // last day of the lunar year
  });

  it('counts a swapped Saturday as a working day', () => {
    expect(isWorkingDay(calSwap, '2026-01-10')).toBe(true);
    expect(isWorkingDay(calSwap, '2026-01-02')).toBe(false);
    expect(isWorkingDay(cal, '2026-01-10')).toBe(false);
  });

  it('lets a holiday win over a working day on the same date', () => {
    const c = createWorkingCalendar([
      { date: '2026-01-10', kind: 'working_day', name: 'x' },
      { date: '2026-01-10', kind: 'holiday', name: 'y' },
    ]);
    expect(isWorkingDay(c, '2026-01-10')).toBe(false);
  });

  it('rejects a calendar row or a date that is not a real date', () => {
    expect(() =>
      createWorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }]),
    ).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('nextWorkingDay and addWorkingDays', () => {
  it('steps over weekends and the Tết break', () => {
    expect(nextWorkingDay(cal, '2026-03-13')).toBe('2026-03-16'); // Fri → Mon
    expect(nextWorkingDay(cal, '2027-02-04')).toBe('2027-02-12'); // Thu → Fri after Tết
    expect(nextWorkingDay(cal, '2026-04-24')).toBe('2026-04-28'); // Fri → Tue (Mon is Nghỉ bù)
  });

  it('counts J+n from the given date', () => {
    expect(addWorkingDays(cal, '2026-03-16', 0)).toBe('2026-03-16');
    expect(addWorkingDays(cal, '2026-03-14', 0)).toBe('2026-03-16'); // Saturday → Monday
    expect(addWorkingDays(cal, '2026-03-16', 1)).toBe('2026-03-17');
    expect(addWorkingDays(cal, '2026-03-13', 1)).toBe('2026-03-16');
    expect(addWorkingDays(cal, '2026-03-16', 5)).toBe('2026-03-23');
    expect(addWorkingDays(cal, '2026-04-24', 2)).toBe('2026-04-29');
    expect(addWorkingDays(cal, '2026-04-28', 3)).toBe('2026-05-05'); // over 30/4, 1/5 and a weekend
  });

  it('counts a swapped Saturday', () => {
    expect(addWorkingDays(calSwap, '2026-01-09', 1)).toBe('2026-01-10');
    expect(addWorkingDays(cal, '2026-01-09', 1)).toBe('2026-01-12');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays(cal, '2026-03-16', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-03-16', 1.5)).toThrow(RangeError);
  });

  it('gives up on a calendar with no working day instead of looping', () => {
    const allOff = createWorkingCalendar(
      Array.from({ length: 400 }, (_, i) => ({
        date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
        kind: 'holiday' as const,
        name: 'x',
      })),
    );
    expect(() => nextWorkingDay(allOff, '2026-01-01')).toThrow(RangeError);
  });
});

describe('effectiveReceiptDate', () => {
  it('counts from the same day when received by 15:00 on a working day', () => {
    expect(effectiveReceiptDate(cal, vn('2026-03-16T10:00:00'))).toBe('2026-03-16');
    expect(effectiveReceiptDate(cal, vn('2026-03-16T15:00:00'))).toBe('2026-03-16');
  });

  it('counts from the next working day after 15:00', () => {
    expect(effectiveReceiptDate(cal, vn('2026-03-16T15:00:01'))).toBe('2026-03-17');
    expect(effectiveReceiptDate(cal, vn('2026-03-13T16:00:00'))).toBe('2026-03-16'); // Friday → Monday
  });

  it('counts from the next working day when received on a day off', () => {
    expect(effectiveReceiptDate(cal, vn('2026-03-14T09:00:00'))).toBe('2026-03-16');
    expect(effectiveReceiptDate(cal, vn('2027-02-05T10:00:00'))).toBe('2027-02-12');
  });

  it('reads the receipt time in Vietnam, not UTC', () => {
    // 07:59Z is 14:59 in Vietnam; 08:01Z is 15:01.
    expect(effectiveReceiptDate(cal, new Date('2026-03-16T07:59:00Z'))).toBe('2026-03-16');
    expect(effectiveReceiptDate(cal, new Date('2026-03-16T08:01:00Z'))).toBe('2026-03-17');
  });

  it('takes another cut-off and rejects a malformed one', () => {
    expect(effectiveReceiptDate(cal, vn('2026-03-16T16:30:00'), '17:00')).toBe('2026-03-16');
    expect(() => effectiveReceiptDate(cal, vn('2026-03-16T10:00:00'), '3pm')).toThrow(RangeError);
  });
});

describe('dueDate', () => {
  it('puts a 1-day dossier received on Friday 5/2/2027 (30 Tết) after the Tết break', () => {
    expect(dueDate(cal, vn('2027-02-05T10:00:00'), 1)).toBe('2027-02-15');
  });

  it('counts a Friday 16:00 receipt from Monday', () => {
    expect(dueDate(cal, vn('2026-03-13T16:00:00'), 1)).toBe('2026-03-17');
    expect(dueDate(cal, vn('2026-03-13T14:00:00'), 1)).toBe('2026-03-16');
  });

  it('runs across Tết 2027 for a longer processing time', () => {
    // Received Wed 3/2 09:00; working days: Thu 4/2, Fri 12/2, Mon 15/2, Tue 16/2, Wed 17/2.
    expect(dueDate(cal, vn('2027-02-03T09:00:00'), 5)).toBe('2027-02-17');
  });

  it('counts a swapped Saturday working day', () => {
    // Received Fri 9/1/2026 10:00 with 1 day: due on the worked Saturday 10/1.
    expect(dueDate(calSwap, vn('2026-01-09T10:00:00'), 1)).toBe('2026-01-10');
    // Received on the worked Saturday itself after 15:00: counts from Monday.
    expect(dueDate(calSwap, vn('2026-01-10T15:30:00'), 1)).toBe('2026-01-13');
  });

  it('uses the cut-off option', () => {
    expect(dueDate(cal, vn('2026-03-13T16:00:00'), 1, { cutoff: '17:00' })).toBe('2026-03-16');
  });
});

describe('countWorkingDays', () => {
  it('counts working days after the start date up to and including the end date', () => {
    expect(countWorkingDays(cal, vn('2026-03-16T10:00:00'), vn('2026-03-16T17:00:00'))).toBe(0);
    expect(countWorkingDays(cal, vn('2026-03-16T10:00:00'), vn('2026-03-17T08:00:00'))).toBe(1);
    expect(countWorkingDays(cal, vn('2026-03-13T10:00:00'), vn('2026-03-16T08:00:00'))).toBe(1); // Fri → Mon
    expect(countWorkingDays(cal, vn('2026-03-16T10:00:00'), vn('2026-03-23T10:00:00'))).toBe(5);
  });

  it('skips Tết', () => {
    expect(countWorkingDays(cal, vn('2027-02-04T10:00:00'), vn('2027-02-15T10:00:00'))).toBe(2);
  });

  it('is 0 when the end is not after the start', () => {
    expect(countWorkingDays(cal, vn('2026-03-17T10:00:00'), vn('2026-03-16T10:00:00'))).toBe(0);
    expect(countWorkingDays(cal, vn('2026-03-17T10:00:00'), vn('2026-03-17T10:00:00'))).toBe(0);
  });
});

describe('isLate', () => {
  it('is late only once the local date is after the due date', () => {
    expect(isLate(cal, '2026-03-17', vn('2026-03-17T23:59:59'))).toBe(false);
    expect(isLate(cal, '2026-03-17', vn('2026-03-18T00:00:00'))).toBe(true);
    // 17:30Z on the 17th is already the 18th in Vietnam.
    expect(isLate(cal, '2026-03-17', new Date('2026-03-17T17:30:00Z'))).toBe(true);
  });
});
