import { describe, expect, it } from 'vitest';

import { finishedOn, splitByDay, windowParts } from './job-day';

// 2026-12-02 in Vietnam; 01:00 UTC is 08:00 there.
const TODAY = '2026-12-02';
const at = (iso: string) => ({ windowStart: iso, windowEnd: null });

describe('the courier’s days', () => {
  it('keeps tomorrow’s 08:00 out of today, and keeps earlier or unbooked jobs in today', () => {
    const tomorrow = { id: 't', ...at('2026-12-03T01:00:00Z') };
    const late = { id: 'l', ...at('2026-12-01T01:00:00Z') };
    const open = { id: 'o', windowStart: null, windowEnd: null };
    // 23:30 on the 2nd in UTC is already the 3rd in Vietnam.
    const afterMidnight = { id: 'm', ...at('2026-12-02T17:30:00Z') };
    const split = splitByDay([tomorrow, late, open, afterMidnight], TODAY);
    expect(split.today.map((j) => j.id)).toEqual(['l', 'o']);
    expect(split.upcoming.map((j) => j.id)).toEqual(['m', 't']);
  });

  it('says the date of an appointment on another day, and nothing false for a job with no time', () => {
    expect(
      windowParts(
        { windowStart: '2026-12-03T01:00:00Z', windowEnd: '2026-12-03T03:00:00Z' },
        TODAY,
      ),
    ).toEqual({ kind: 'time', from: '08:00', to: '10:00', date: '03/12/2026' });
    expect(windowParts({ windowStart: '2026-12-02T01:00:00Z', windowEnd: null }, TODAY)).toEqual({
      kind: 'time',
      from: '08:00',
      to: null,
      date: null,
    });
    expect(windowParts({ windowStart: null, windowEnd: null }, TODAY)).toEqual({ kind: 'none' });
  });

  it('lists what was finished on the Vietnamese day, latest first', () => {
    const job = (id: string, completedAt: string) => ({
      id,
      status: 'completed' as const,
      completedAt,
      statusChangedAt: completedAt,
    });
    const done = finishedOn(
      [
        job('a', '2026-12-02T02:00:00Z'),
        job('b', '2026-12-01T16:59:00Z'), // 23:59 on the 1st in Vietnam
        job('c', '2026-12-01T17:00:00Z'), // 00:00 on the 2nd in Vietnam
      ],
      TODAY,
    );
    expect(done.map((j) => j.id)).toEqual(['a', 'c']);
  });
});
