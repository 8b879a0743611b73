import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../lib/http';
import { mayReceive } from './deliver';

const auth = (role: AuthContext['user']['role'], unitIds: string[], id = 'u1'): AuthContext => ({
  sessionId: 's1',
  unitIds,
  user: { id, username: id, fullName: id, role, unitId: unitIds[0]!, unitName: 'A' },
});
const jobOfA = {
  ability: 'jobs.read' as const,
  record: { unitId: 'A', courierId: 'c1' },
  alsoUsers: ['c0'],
};

describe('mayReceive', () => {
  it('lets office staff of the record’s unit or above receive, not a sibling unit', () => {
    expect(mayReceive(auth('dispatcher', ['A']), jobOfA)).toBe(true);
    expect(mayReceive(auth('manager', ['P', 'A', 'B']), jobOfA)).toBe(true);
    expect(mayReceive(auth('dispatcher', ['B']), jobOfA)).toBe(false);
  });

  it('gives a courier only their own job, or the one just taken from them', () => {
    expect(mayReceive(auth('courier', ['A'], 'c1'), jobOfA)).toBe(true);
    expect(mayReceive(auth('courier', ['A'], 'c0'), jobOfA)).toBe(true);
    expect(mayReceive(auth('courier', ['A'], 'c2'), jobOfA)).toBe(false);
  });

  it('refuses roles that do not hold the ability, and sockets without a session', () => {
    const plan = { ability: 'plans.read' as const, record: { unitId: 'A' } };
    expect(mayReceive(auth('operator', ['A']), plan)).toBe(false);
    expect(mayReceive(undefined, plan)).toBe(false);
  });
});
