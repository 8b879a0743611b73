import { createHash } from 'node:crypto';

/** The ID number as typed, without spaces, dots or dashes, upper-case. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The stored form of an ID number (CCCD, CMND, passport): a SHA-256 of the normalised number
 * under a fixed domain prefix, so two records of one person compare equal without the number
 * itself ever being stored. Together with `last4` it is all the app keeps.
 */
export function hashIdNumber(value: string): string {
  return createHash('sha256')
    .update(`tannha1022:id:${normalizeIdNumber(value)}`)
    .digest('hex');
}
