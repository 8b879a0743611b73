import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret of an intake API key: `tn1022_<prefix>_<random>`. The prefix (10 hex digits) is
 * public: lists print it and the server finds the key by it; the random part is 32 bytes of
 * `crypto.randomBytes` in base64url. Only the SHA-256 of the whole secret is stored.
 */
const SECRET_RE = /^tn1022_([0-9a-f]{10})_([A-Za-z0-9_-]{43,128})$/;

/** A new secret and its public prefix. */
export function generateSecret(): { prefix: string; secret: string } {
  const prefix = randomBytes(5).toString('hex');
  return { prefix, secret: `tn1022_${prefix}_${randomBytes(32).toString('base64url')}` };
}

/** The prefix of a well-formed secret, or undefined. */
export function prefixOf(secret: string): string | undefined {
  return SECRET_RE.exec(secret)?.[1];
}

/** The SHA-256 of a secret, hex, as the table keeps it. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether the presented secret hashes to the stored hash, in constant time. Without a stored
 * hash (no key has this prefix) it compares against a hash nothing matches, so an unknown key
 * costs what a wrong one does.
 */
export function secretMatches(presented: string, storedHash: string | undefined): boolean {
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash ?? hashSecret(`unknown:${presented}`), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) && storedHash !== undefined;
}
