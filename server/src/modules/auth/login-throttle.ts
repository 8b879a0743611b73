import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { formatVnDateTime } from '@tannha/shared';
import * as repo from './login-throttle.repository';

/** Attempts from one address at one username before each further one has to wait. */
export const LOGIN_FREE_ATTEMPTS = 3;
/** The longest wait between two attempts (the delay doubles up to it). */
export const LOGIN_MAX_DELAY_SECONDS = 15 * 60;
// A row nobody touched for a day is a forgotten guess; success from that address clears it anyway.
const STALE_AFTER_MS = 24 * 60 * 60_000;

const RULE = { threshold: LOGIN_FREE_ATTEMPTS, capSeconds: LOGIN_MAX_DELAY_SECONDS };

function waitText(seconds: number): { vi: string; en: string } {
  if (seconds < 60) return { vi: `${seconds} giây`, en: `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return { vi: `${minutes} phút`, en: `${minutes} minutes` };
}

/** 429 with the wait in seconds (the route turns it into a Retry-After header). */
export function loginThrottled(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = waitText(seconds);
  return new AppError(
    429,
    'login_throttled',
    {
      vi: `Đăng nhập sai nhiều lần từ máy này. Vui lòng thử lại sau ${wait.vi} (lúc ${formatVnDateTime(until)}) hoặc liên hệ quản trị viên.`,
      en: `Too many failed sign-ins from this device. Try again in ${wait.en} (at ${formatVnDateTime(until)}) or contact an administrator.`,
    },
    { extra: { retryAfterSeconds: seconds, retryAt: until.toISOString() } },
  );
}

/**
 * Counts a sign-in attempt of `username` from `address` before its password is checked, or
 * throws 429 `login_throttled` when that pair must still wait. Unknown and real usernames go
 * through exactly the same steps, and another address is never slowed down.
 */
export async function claimLoginAttempt(
  db: DbOrTx,
  key: repo.ThrottleKey,
  now: Date,
): Promise<void> {
  const claimed = await repo.claimLoginAttempt(db, key, now, RULE);
  if (claimed) return;
  const until = (await repo.findNextAllowedAt(db, key)) ?? new Date(now.getTime() + 1000);
  throw loginThrottled(until, now);
}

/** A success from this address: its count starts again (and long-forgotten rows go). */
export async function clearLoginAttempts(
  db: DbOrTx,
  key: repo.ThrottleKey,
  now: Date,
): Promise<void> {
  await repo.deleteLoginThrottle(db, key);
  await repo.deleteStaleLoginThrottles(db, new Date(now.getTime() - STALE_AFTER_MS));
}

/** Lifts the throttling of one username from every address (an admin's unlock); answers how many addresses were waiting. */
export async function unlockLogin(db: DbOrTx, username: string): Promise<number> {
  return repo.deleteLoginThrottlesOf(db, username.trim().toLowerCase());
}
