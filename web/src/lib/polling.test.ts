import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { pollEvery } from './polling';

const query = <T>(status: string, data: T | undefined, error: unknown = null) => ({
  state: { status, data, error },
});
const refused = (status: number, retryAfterSeconds?: number) => {
  const e = new ApiError(status, 'x', 'x');
  e.retryAfterSeconds = retryAfterSeconds;
  return e;
};

describe('pollEvery: a poll that stops when asking again cannot help', () => {
  const poll = pollEvery(60_000);

  it('keeps its pace while answers come, and through outages', () => {
    expect(poll(query('success', [1]))).toBe(60_000);
    expect(poll(query('error', [1], refused(0)))).toBe(60_000);
    expect(poll(query('error', [1], refused(503)))).toBe(60_000);
  });

  it('stops after a refusal: a wrong code, no right, a session gone', () => {
    expect(poll(query('error', undefined, refused(404)))).toBe(false);
    expect(poll(query('error', [1], refused(403)))).toBe(false);
  });

  it('waits as long as the server asks after too many requests', () => {
    expect(poll(query('error', [1], refused(429, 900)))).toBe(900_000);
  });

  it('polls only a found answer that can still change, when told so', () => {
    const open = pollEvery<{ status: string }>(60_000, {
      needsData: true,
      keepGoing: (v) => v.status !== 'completed',
    });
    expect(open(query('pending', undefined))).toBe(false);
    expect(open(query('success', { status: 'en_route' }))).toBe(60_000);
    expect(open(query('success', { status: 'completed' }))).toBe(false);
  });
});
