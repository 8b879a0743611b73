import { describe, expect, it } from 'vitest';
import { parseSetting } from './settings.service';

describe('parseSetting', () => {
  it('returns the stored value when it has the setting’s shape', () => {
    expect(parseSetting('job_due_working_days', 4)).toBe(4);
    expect(parseSetting('office_hours', { start: '08:00', end: '16:30' })).toEqual({
      start: '08:00',
      end: '16:30',
    });
  });

  it('falls back when unset or malformed, per field where the setting says so', () => {
    expect(parseSetting('job_due_working_days', undefined)).toBe(2);
    expect(parseSetting('job_due_working_days', 'three')).toBe(2);
    expect(parseSetting('plan_shift', { start: '07:00', end: 'late' })).toEqual({
      start: '07:00',
      end: '17:30',
    });
    expect(parseSetting('plan_courier_capacity', 12.7)).toBe(12);
    expect(parseSetting('plan_courier_capacity', 0)).toBe(25);
  });
});
