import { describe, expect, it } from 'vitest';

import { formatMoney, formatTime, formatWindow } from './format';

describe('formatMoney', () => {
  it('glues ₫ to the amount with a non-breaking space (U+00A0), so it never wraps alone', () => {
    expect(formatMoney(150000)).toBe('150.000\u00a0₫');
    expect(formatMoney(0)).toBe('0\u00a0₫');
    expect(formatMoney(150000)).not.toContain(' ');
  });
});

describe('formatWindow', () => {
  it('writes a window in Vietnam time with its date once', () => {
    expect(formatWindow('2026-12-03T01:00:00Z', '2026-12-03T03:00:00Z')).toBe(
      '08:00–10:00 03/12/2026',
    );
  });

  it('writes a start alone, and a window over midnight with both dates', () => {
    expect(formatWindow('2026-12-03T01:00:00Z', null)).toBe('08:00 03/12/2026');
    expect(formatWindow('2026-12-03T16:30:00Z', '2026-12-03T17:30:00Z')).toBe(
      '23:30 03/12/2026 – 00:30 04/12/2026',
    );
  });

  it('answers null, never a dash, when there is no window (the screen says it in words)', () => {
    expect(formatWindow(null, null)).toBeNull();
    expect(formatWindow(undefined, '2026-12-03T03:00:00Z')).toBeNull();
    expect(formatTime(null)).toBeNull();
  });
});
