import { describe, expect, it } from 'vitest';

import {
  FAILURE_REASONS,
  JOB_STATUSES,
  JOB_TYPES,
  REASON_REQUIRED_TARGETS,
  TERMINAL_STATUSES,
  allowedTransitions,
  canTransition,
  checkTransition,
  isActiveStatus,
  jobPath,
  type JobStatus,
  type JobType,
} from './job-lifecycle';

/**
 * The transition table written out by hand from DESIGN.md, independent of the
 * implementation: `from → [to…]` for each type, not counting on_hold exits.
 */
const COMMON: Record<string, JobStatus[]> = {
  new: ['assigned', 'on_hold', 'cancelled'],
  assigned: ['new', 'accepted', 'on_hold', 'cancelled'],
};
const EXPECTED: Record<JobType, Record<string, JobStatus[]>> = {
  home_assistance: {
    ...COMMON,
    accepted: ['en_route', 'on_hold'],
    en_route: ['on_site', 'on_hold'],
    on_site: ['collected', 'failed_attempt', 'on_hold'],
    collected: ['submitted', 'on_hold'],
    submitted: ['completed', 'on_hold'],
    failed_attempt: ['assigned'],
  },
  result_delivery: {
    ...COMMON,
    accepted: ['picked_up', 'on_hold'],
    picked_up: ['en_route', 'on_hold'],
    en_route: ['on_site', 'on_hold'],
    on_site: ['delivered', 'failed_attempt', 'on_hold'],
    delivered: ['completed', 'on_hold'],
    failed_attempt: ['assigned', 'returned'],
  },
  fee_collection: {
    ...COMMON,
    accepted: ['en_route', 'on_hold'],
    en_route: ['on_site', 'on_hold'],
    on_site: ['collected', 'failed_attempt', 'on_hold'],
    collected: ['completed', 'on_hold'],
    failed_attempt: ['assigned'],
  },
};

/** The happy paths as DESIGN.md writes them. */
const HAPPY_PATHS: Record<JobType, string> = {
  home_assistance:
    'new → assigned → accepted → en_route → on_site → collected → submitted → completed',
  result_delivery:
    'new → assigned → accepted → picked_up → en_route → on_site → delivered → completed',
  fee_collection: 'new → assigned → accepted → en_route → on_site → collected → completed',
};

const REASON = 'Công dân hẹn lại ngày mai';

describe('job paths', () => {
  it('lists the happy path of each type from new to completed', () => {
    for (const type of JOB_TYPES) {
      expect(jobPath(type), type).toEqual(HAPPY_PATHS[type].split(' → '));
    }
  });

  it('walks every type along its happy path without a reason', () => {
    for (const type of JOB_TYPES) {
      const path = jobPath(type);
      for (let i = 0; i + 1 < path.length; i++) {
        expect(
          checkTransition(type, path[i]!, path[i + 1]!),
          `${type}: ${path[i]} → ${path[i + 1]}`,
        ).toEqual({
          ok: true,
        });
      }
    }
  });
});

describe('the transition table', () => {
  for (const type of JOB_TYPES) {
    it(`allows exactly the documented transitions for ${type}`, () => {
      for (const from of JOB_STATUSES) {
        if (from === 'on_hold') continue; // depends on heldFrom, tested below
        const expected = EXPECTED[type][from] ?? [];
        expect(new Set(allowedTransitions(type, from)), `${type} from ${from}`).toEqual(
          new Set(expected),
        );
        for (const to of JOB_STATUSES) {
          expect(canTransition(type, from, to), `${type}: ${from} → ${to}`).toBe(
            expected.includes(to),
          );
        }
      }
    });
  }

  it('rejects delivering a job that was never picked up', () => {
    const r = checkTransition('result_delivery', 'new', 'delivered');
    expect(r).toEqual({
      ok: false,
      code: 'job_transition_not_allowed',
      message: "Cannot move a job from 'new' to 'delivered' (current state: new)",
    });
  });

  it('rejects skipping steps, going backwards and leaving a terminal state', () => {
    const illegal: [JobType, JobStatus, JobStatus][] = [
      ['home_assistance', 'accepted', 'on_site'],
      ['home_assistance', 'on_site', 'submitted'],
      ['home_assistance', 'collected', 'completed'],
      ['home_assistance', 'en_route', 'accepted'],
      ['home_assistance', 'accepted', 'picked_up'],
      ['home_assistance', 'failed_attempt', 'returned'],
      ['result_delivery', 'accepted', 'en_route'],
      ['result_delivery', 'on_site', 'collected'],
      ['result_delivery', 'picked_up', 'cancelled'],
      ['result_delivery', 'en_route', 'failed_attempt'],
      ['fee_collection', 'collected', 'submitted'],
      ['fee_collection', 'on_site', 'delivered'],
      ['fee_collection', 'accepted', 'new'],
      ['fee_collection', 'failed_attempt', 'on_hold'],
      ['home_assistance', 'completed', 'new'],
      ['result_delivery', 'returned', 'assigned'],
      ['result_delivery', 'cancelled', 'new'],
      ['home_assistance', 'new', 'new'],
    ];
    for (const [type, from, to] of illegal) {
      const r = checkTransition(type, from, to, { reason: REASON });
      expect(r.ok, `${type}: ${from} → ${to}`).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('job_transition_not_allowed');
        expect(r.message).toBe(
          `Cannot move a job from '${from}' to '${to}' (current state: ${from})`,
        );
      }
    }
  });

  it('offers nothing from a terminal state', () => {
    for (const type of JOB_TYPES) {
      for (const s of TERMINAL_STATUSES) expect(allowedTransitions(type, s)).toEqual([]);
    }
  });
});

describe('reasons', () => {
  it('requires a non-blank reason for on_hold, cancelled, failed_attempt and returned', () => {
    const cases: [JobType, JobStatus, JobStatus][] = [
      ['home_assistance', 'accepted', 'on_hold'],
      ['home_assistance', 'new', 'cancelled'],
      ['fee_collection', 'assigned', 'cancelled'],
      ['home_assistance', 'on_site', 'failed_attempt'],
      ['result_delivery', 'failed_attempt', 'returned'],
    ];
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(REASON_REQUIRED_TARGETS));
    for (const [type, from, to] of cases) {
      for (const reason of [undefined, null, '', '   \n']) {
        const r = checkTransition(type, from, to, { reason });
        expect(r.ok, `${from} → ${to} with ${JSON.stringify(reason)}`).toBe(false);
        if (!r.ok) {
          expect(r.code).toBe('job_transition_reason_required');
          expect(r.message).toContain(`current state: ${from}`);
        }
      }
      expect(checkTransition(type, from, to, { reason: REASON })).toEqual({ ok: true });
    }
  });

  it('does not ask for a reason on ordinary steps', () => {
    expect(checkTransition('home_assistance', 'failed_attempt', 'assigned')).toEqual({ ok: true });
    expect(checkTransition('home_assistance', 'assigned', 'new')).toEqual({ ok: true });
    expect(
      checkTransition('home_assistance', 'on_hold', 'en_route', { heldFrom: 'en_route' }),
    ).toEqual({ ok: true });
  });

  it('reports an illegal move before a missing reason', () => {
    const r = checkTransition('home_assistance', 'accepted', 'cancelled');
    expect(r).toMatchObject({ ok: false, code: 'job_transition_not_allowed' });
  });

  it('lists the failure reasons a courier can pick', () => {
    expect(FAILURE_REASONS).toEqual([
      'citizen_absent',
      'wrong_address',
      'refused',
      'papers_missing',
      'id_mismatch',
      'other',
    ]);
  });
});

describe('on_hold', () => {
  it('can be entered from every active state of every type', () => {
    for (const type of JOB_TYPES) {
      for (const s of jobPath(type).filter(isActiveStatus)) {
        expect(canTransition(type, s, 'on_hold'), `${type}: ${s}`).toBe(true);
      }
    }
  });

  it('returns only to the state it was held from', () => {
    for (const type of JOB_TYPES) {
      for (const held of jobPath(type).filter(isActiveStatus)) {
        const allowed = allowedTransitions(type, 'on_hold', { heldFrom: held });
        const expected = held === 'new' || held === 'assigned' ? [held, 'cancelled'] : [held];
        expect(allowed, `${type} held from ${held}`).toEqual(expected);
        for (const to of JOB_STATUSES) {
          expect(canTransition(type, 'on_hold', to, { heldFrom: held })).toBe(
            expected.includes(to),
          );
        }
      }
    }
  });

  it('refuses to resume a job held from en_route anywhere else', () => {
    const r = checkTransition('home_assistance', 'on_hold', 'on_site', { heldFrom: 'en_route' });
    expect(r).toMatchObject({ ok: false, code: 'job_transition_not_allowed' });
    expect(
      checkTransition('home_assistance', 'on_hold', 'cancelled', {
        heldFrom: 'en_route',
        reason: REASON,
      }).ok,
    ).toBe(false);
  });

  it('cancels a job held from new or assigned only with a reason', () => {
    expect(
      checkTransition('result_delivery', 'on_hold', 'cancelled', { heldFrom: 'assigned' }),
    ).toMatchObject({
      ok: false,
      code: 'job_transition_reason_required',
    });
    expect(
      checkTransition('result_delivery', 'on_hold', 'cancelled', {
        heldFrom: 'assigned',
        reason: REASON,
      }),
    ).toEqual({
      ok: true,
    });
  });

  it('has no way out when the state it was held from is unknown', () => {
    expect(allowedTransitions('home_assistance', 'on_hold')).toEqual([]);
    expect(allowedTransitions('home_assistance', 'on_hold', { heldFrom: null })).toEqual([]);
    const r = checkTransition('home_assistance', 'on_hold', 'accepted');
    expect(r).toMatchObject({ ok: false, code: 'job_transition_not_allowed' });
    if (!r.ok) expect(r.message).toContain('current state: on_hold');
  });

  it('ignores a heldFrom that could never have been held', () => {
    expect(allowedTransitions('home_assistance', 'on_hold', { heldFrom: 'completed' })).toEqual([]);
    expect(allowedTransitions('home_assistance', 'on_hold', { heldFrom: 'on_hold' })).toEqual([]);
    expect(allowedTransitions('home_assistance', 'on_hold', { heldFrom: 'picked_up' })).toEqual([]);
  });
});

describe('isActiveStatus', () => {
  it('is false for terminal, on_hold and failed_attempt, true otherwise', () => {
    const inactive = ['completed', 'returned', 'cancelled', 'on_hold', 'failed_attempt'];
    for (const s of JOB_STATUSES) expect(isActiveStatus(s), s).toBe(!inactive.includes(s));
  });
});
