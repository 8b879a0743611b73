import { describe, expect, it } from 'vitest';
import { vnStartOfDay } from '@tannha/shared';
import { morningOf } from './demo-events';

const HOUR = 3600_000;
const day = vnStartOfDay('2026-12-08').getTime();

describe('morningOf: what already happened this morning in the demo data', () => {
  it('keeps the hour of the day once it has passed', () => {
    const past = morningOf(new Date(day + 15 * HOUR), 9);
    expect(past(7).getTime()).toBe(day + 7 * HOUR);
  });

  it('just after midnight, squeezes the same moments, in order, before now', () => {
    const now = new Date(day + 30 * 60_000);
    const past = morningOf(now, 9);
    const moments = [7, 7.2, 7.4, 8.2].map((h) => past(h).getTime());
    for (const t of moments) {
      expect(t).toBeGreaterThanOrEqual(day);
      expect(t).toBeLessThan(now.getTime());
    }
    expect([...moments].sort((a, b) => a - b)).toEqual(moments);
    expect(new Set(moments).size).toBe(moments.length);
  });
});
