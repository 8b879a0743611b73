import { describe, expect, it } from 'vitest';

import {
  VN_TZ,
  addDays,
  dayOfWeek,
  formatVnDate,
  formatVnDateTime,
  isDateString,
  toVnDate,
  vnDateTimeParts,
  vnStartOfDay,
} from './time';

describe('Vietnam local time (UTC+7)', () => {
  it('names the zone', () => {
    expect(VN_TZ).toBe('Asia/Ho_Chi_Minh');
  });

  it('reads the local date of an instant', () => {
    expect(toVnDate(new Date('2026-03-15T16:59:59Z'))).toBe('2026-03-15');
    expect(toVnDate(new Date('2026-03-15T17:00:00Z'))).toBe('2026-03-16');
    expect(toVnDate(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
  });

  it('splits an instant into local parts', () => {
    expect(vnDateTimeParts(new Date('2026-02-28T20:05:09.123Z'))).toEqual({
      date: '2026-03-01',
      year: 2026,
      month: 3,
      day: 1,
      hour: 3,
      minute: 5,
      second: 9,
      millisecond: 123,
      dayOfWeek: 0,
    });
  });

  it('formats dates and times the Vietnamese way', () => {
    expect(formatVnDate(new Date('2026-03-15T02:00:00Z'))).toBe('15/03/2026');
    expect(formatVnDate('2026-04-05')).toBe('05/04/2026');
    expect(formatVnDate('2026-03-14T18:00:00.000Z')).toBe('15/03/2026'); // an instant from JSON
    expect(formatVnDate('2026-03-15T00:30:00+07:00')).toBe('15/03/2026');
    expect(formatVnDateTime(new Date('2026-03-15T08:30:00Z'))).toBe('15:30 15/03/2026');
    expect(formatVnDateTime(new Date('2026-03-15T17:04:00Z'))).toBe('00:04 16/03/2026');
  });

  it('finds the instant local midnight begins', () => {
    expect(vnStartOfDay('2026-03-15').toISOString()).toBe('2026-03-14T17:00:00.000Z');
    expect(toVnDate(vnStartOfDay('2026-03-15'))).toBe('2026-03-15');
    expect(toVnDate(new Date(vnStartOfDay('2026-03-15').getTime() - 1))).toBe('2026-03-14');
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('gives the day of the week with Sunday = 0', () => {
    expect(dayOfWeek('2026-04-26')).toBe(0);
    expect(dayOfWeek('2026-04-27')).toBe(1);
    expect(dayOfWeek('2027-02-06')).toBe(6);
  });

  it('recognises real YYYY-MM-DD dates only', () => {
    expect(isDateString('2028-02-29')).toBe(true);
    expect(isDateString('2026-02-29')).toBe(false);
    expect(isDateString('2026-13-01')).toBe(false);
    expect(isDateString('2026-4-5')).toBe(false);
    expect(isDateString('15/03/2026')).toBe(false);
    expect(isDateString(20260315)).toBe(false);
  });

  it('throws on invalid input rather than answering nonsense', () => {
    expect(() => toVnDate(new Date('nope'))).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 0.5)).toThrow(RangeError);
    expect(() => formatVnDate('15/03/2026')).toThrow(RangeError);
    expect(() => formatVnDate('2026-03-15T10:00:00')).toThrow(RangeError); // no zone: ambiguous
  });
});
