import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../lib/http';
import { can } from './index';

const admin = (unitIsTop: boolean): AuthContext => ({
  user: { id: 'u', username: 'a', fullName: 'A', role: 'admin', unitId: 'p', unitName: 'P' },
  unitIds: ['p'],
  sessionId: 's',
  unitIsTop,
});

describe('province-wide abilities', () => {
  it('lets an admin of a top unit change the catalogue, the calendar and settings', () => {
    for (const a of ['procedures.update', 'calendar.update', 'settings.update'] as const)
      expect(can(admin(true), a, {})).toBe(true);
  });

  it('refuses an admin of a post office, who still manages the users of their units', () => {
    for (const a of ['procedures.update', 'calendar.update', 'settings.update'] as const)
      expect(can(admin(false), a, {})).toBe(false);
    expect(can(admin(false), 'users.update', { unitId: 'p' })).toBe(true);
    expect(can(admin(false), 'users.update', { unitId: 'elsewhere' })).toBe(false);
  });
});
