/**
 * Public holidays in Vietnam, as a default the admin edits.
 *
 * The law fixes which days are holidays (Labour Code 2019, Art. 112), but every year the
 * government announces the exact days off, swaps working days to make bridges (a Saturday
 * worked in exchange for a Friday off) and sometimes adds holidays. So the holiday calendar
 * the system uses is **data** — a table an admin edits — and {@link defaultHolidays} only
 * pre-fills that table for a year with what the law alone determines.
 */

import { lunarToSolar } from './lunar';
import { addDays, dayOfWeek } from './time';

/** One row of the holiday calendar. */
export type HolidayEntry = {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /**
   * `holiday`: a day off (public holiday or compensatory day).
   * `working_day`: a swapped working day — a Saturday or Sunday worked to bridge a holiday.
   */
  kind: 'holiday' | 'working_day';
  /** Vietnamese name shown to people, e.g. "Giỗ Tổ Hùng Vương". */
  name: string;
};

function isWeekend(dateStr: string): boolean {
  const dow = dayOfWeek(dateStr);
  return dow === 0 || dow === 6;
}

/**
 * Which day joins 2 September for National Day, by the weekday of 2/9 (0 = Sunday): the
 * side that touches a weekend, so the holiday makes one long break. The Labour Code leaves
 * "1/9 or 3/9" to the Prime Minister; this reproduces the choices of 2021–2025 (2021: Thu →
 * 3/9, 2022: Fri → 1/9, 2023: Sat → 1/9, 2024: Mon → 3/9, 2025: Tue → 1/9). When 2/9 is a
 * Wednesday neither side reaches a weekend and 1/9 is taken; when it is a Sunday both
 * choices give the same days off and 3/9 is taken.
 */
const NATIONAL_DAY_EXTRA: Readonly<Record<number, '01' | '03'>> = {
  0: '03',
  1: '03',
  2: '01',
  3: '01',
  4: '03',
  5: '01',
  6: '01',
};

/**
 * The public holidays of a solar year as the law alone fixes them — the pre-filled default
 * of the holiday table, which the admin then edits to match the government's announcement
 * for the year (swapped working days, extra bridge days, new holidays).
 *
 * Labour Code 2019, Art. 112:
 * - 1 January — Tết Dương lịch;
 * - Tết Nguyên Đán, 5 days: the last day of the old lunar year and lunar 1/1–1/4
 *   (the government may place the 5 days differently; the admin adjusts);
 * - 10/3 lunar — Giỗ Tổ Hùng Vương;
 * - 30 April — Ngày Giải phóng miền Nam; 1 May — Ngày Quốc tế Lao động;
 * - 2 September — Quốc khánh, plus 1/9 or 3/9 (see {@link NATIONAL_DAY_EXTRA}: the day that
 *   bridges toward the weekend).
 *
 * A holiday on a Saturday or Sunday gives the next working day (not a weekend, not a
 * holiday, not already a compensatory day) off, named "Nghỉ bù <holiday>".
 * Entries are sorted by date, one per date; all are `kind: 'holiday'` (swapped working
 * days are announced yearly and entered by the admin).
 */
export function defaultHolidays(year: number): HolidayEntry[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`defaultHolidays: year out of range (1900–2199): ${year}`);
  }
  const y = String(year);
  const tet = lunarToSolar(1, 1, year);
  const nationalDayExtra = NATIONAL_DAY_EXTRA[dayOfWeek(`${y}-09-02`)] ?? '01';

  const holidays: HolidayEntry[] = [
    { date: `${y}-01-01`, kind: 'holiday', name: 'Tết Dương lịch' },
    // Tết always falls between 21 January and 20 February, so all five days are in `year`.
    ...[-1, 0, 1, 2, 3].map((n) => ({
      date: addDays(tet, n),
      kind: 'holiday' as const,
      name: 'Tết Nguyên Đán',
    })),
    { date: lunarToSolar(10, 3, year), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
    { date: `${y}-04-30`, kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
    { date: `${y}-05-01`, kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
    { date: `${y}-09-${nationalDayExtra}`, kind: 'holiday', name: 'Quốc khánh' },
    { date: `${y}-09-02`, kind: 'holiday', name: 'Quốc khánh' },
  ];
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  // One row per date. Two holidays on the same day (Giỗ Tổ fell on 30/4 in 1947) count like
  // a holiday on a rest day: the second one gives a compensatory day.
  const taken = new Set(holidays.map((h) => h.date));
  const rows: HolidayEntry[] = [];
  const seen = new Set<string>();
  for (const h of holidays) {
    const clash = seen.has(h.date);
    if (!clash) rows.push(h);
    seen.add(h.date);
    if (!clash && !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    rows.push({ date: d, kind: 'holiday', name: `Nghỉ bù ${h.name}` });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
