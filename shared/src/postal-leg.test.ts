import { describe, expect, it } from 'vitest';

import { defaultHolidays } from './holidays';
import { DEFAULT_POSTAL_LEG_DAYS, postalLegDays, postalLegDueDate } from './postal-leg';
import { createWorkingCalendar } from './working-days';

const cal = createWorkingCalendar(defaultHolidays(2026));

describe('postal leg time limits', () => {
  it('allows J+1 in the same area up to J+4 between provinces, doubled when the appointment slip comes back', () => {
    const limits = DEFAULT_POSTAL_LEG_DAYS;
    expect(postalLegDays(limits, 'sameArea', 'result_delivery')).toBe(1);
    expect(postalLegDays(limits, 'province', 'result_delivery')).toBe(2);
    expect(postalLegDays(limits, 'interProvince', 'fee_collection')).toBe(4);
    expect(postalLegDays(limits, 'province', 'home_assistance')).toBe(4);
    expect(postalLegDays({ ...limits, province: 3 }, 'province', 'home_assistance')).toBe(6);
  });

  it('counts working days from the slip date, skipping the 30/4 and 1/5 holidays and the weekend', () => {
    // Wednesday 29/4/2026: Thursday 30/4 and Friday 1/5 are holidays, then a weekend.
    expect(
      postalLegDueDate(cal, '2026-04-29', DEFAULT_POSTAL_LEG_DAYS, 'province', 'result_delivery'),
    ).toBe('2026-05-05');
    expect(
      postalLegDueDate(cal, '2026-04-29', DEFAULT_POSTAL_LEG_DAYS, 'province', 'home_assistance'),
    ).toBe('2026-05-07');
    // A slip dated on a Saturday still gets whole working days.
    expect(
      postalLegDueDate(cal, '2026-03-14', DEFAULT_POSTAL_LEG_DAYS, 'sameArea', 'result_delivery'),
    ).toBe('2026-03-16');
  });
});
