/**
 * The Vietnamese lunisolar calendar (âm lịch), for the holidays that follow it (Tết, Giỗ
 * Tổ Hùng Vương).
 *
 * This follows the astronomical method Hồ Ngọc Đức published for the Vietnamese calendar:
 * a month begins on the local day of the new moon; lunar month 11 is the one containing the
 * winter solstice; a year with 13 months repeats the first month that contains no major
 * solar term. Everything is reckoned at UTC+7 — that is what makes the Vietnamese calendar
 * differ from the Chinese one (UTC+8) in some years (Tết 1985 fell on 21 Jan in Vietnam and
 * 20 Feb in China). New moons and solar longitudes use the truncated series from Jean
 * Meeus, "Astronomical Algorithms", accurate to well within a day for 1800–2199.
 */

import { isDateString } from './time';

/** A date in the Vietnamese lunar calendar. */
export type LunarDate = {
  /** 1–30. */
  day: number;
  /** 1–12. */
  month: number;
  /** The lunar year, numbered like the solar year in which it mostly falls. */
  year: number;
  /** Whether `month` is the intercalary (nhuận) repeat of that month. */
  leap: boolean;
};

const TZ_HOURS = 7;
const DEG = Math.PI / 180;
/** Mean length of a synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day number of a proleptic Gregorian date (Julian calendar before 15 Oct 1582). */
function julianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  if (jd < 2299161) jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

/** The calendar date of a Julian day number. */
function fromJulianDay(jd: number): [day: number, month: number, year: number] {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return [day, month, year];
}

/** The Julian date (UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The Sun's apparent longitude, in radians [0, 2π), at Julian date `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  let L = (L0 + DL) * DEG;
  L = L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
  return L;
}

/** Which of the 12 major-term sectors (0–11, 30° each) the Sun is in at local midnight starting day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TZ_HOURS / 24) / Math.PI) * 6);
}

/** Local Julian day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TZ_HOURS / 24);
}

/** Julian day number on which lunar month 11 (the solstice month) of solar year `yy` begins. */
function lunarMonth11(yy: number): number {
  const off = julianDay(31, 12, yy) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // If the Sun is already past 270° (sector 9) at that new moon, the solstice month began one earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 = `a11`, the offset of the leap month (the first without a major term). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function parseDate(dateStr: string): [number, number, number] {
  if (!isDateString(dateStr)) {
    throw new RangeError(`Invalid date '${String(dateStr)}': expected a real date as YYYY-MM-DD`);
  }
  const [y, m, d] = dateStr.split('-').map(Number) as [number, number, number];
  return [d, m, y];
}

function formatDate(day: number, month: number, year: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Converts a solar (Gregorian) date `YYYY-MM-DD` to the Vietnamese lunar date. */
export function solarToLunar(dateStr: string): LunarDate {
  const [dd, mm, yy] = parseDate(dateStr);
  const dayNumber = julianDay(dd, mm, yy);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);

  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }

  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Converts a Vietnamese lunar date to the solar date `YYYY-MM-DD`.
 * `lunarToSolar(1, 1, 2026)` → `'2026-02-17'` (Tết Bính Ngọ).
 *
 * @throws RangeError when the date does not exist: day outside the month's 29 or 30 days,
 *   month outside 1–12, or `leap` for a month that is not repeated that year.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  if (
    ![day, month, year].every(Number.isInteger) ||
    day < 1 ||
    day > 30 ||
    month < 1 ||
    month > 12
  ) {
    throw new RangeError(`Invalid lunar date ${day}/${month}/${year}`);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off);
  const [d, m, y] = fromJulianDay(monthStart + day - 1);
  const result = formatDate(d, m, y);
  // Day 30 of a 29-day month would spill into the next month: refuse it.
  const back = solarToLunar(result);
  if (back.day !== day || back.month !== month || back.leap !== leap) {
    throw new RangeError(
      `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has no day ${day}`,
    );
  }
  return result;
}
