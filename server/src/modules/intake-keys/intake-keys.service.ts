import type { IntakeKeyCreate, IntakeKeyCreated, IntakeKeyList, IntakeKey } from '@tannha/shared';
import { IntakeKeyCreateSchema } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { logger } from '../../lib/logger';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { assertUnitExists } from '../units/units.service';
import { presentIntakeKey } from './intake-keys.presenter';
import * as repo from './intake-keys.repository';
import { generateSecret, hashSecret, prefixOf, secretMatches } from './intake-keys.secret';

export { readBatch, receiveResults, type ReceiveOptions } from './receive-results';

const KEY = { vi: 'Khóa API', en: 'API key' };

/** The agency's keys the admin manages (their unit and below), newest first. */
export async function listIntakeKeys(db: Db, auth: AuthContext): Promise<IntakeKeyList> {
  assertCan(auth, 'intake_keys.list');
  return { items: (await repo.findKeysOfUnits(db, auth.unitIds)).map(presentIntakeKey) };
}

/**
 * A new key for an agency's one-stop system, scoped to a unit the admin manages. The secret
 * is in this answer only; the table keeps its SHA-256.
 */
export async function createIntakeKey(
  db: Db,
  auth: AuthContext,
  body: IntakeKeyCreate,
  ip?: string,
): Promise<IntakeKeyCreated> {
  const input = IntakeKeyCreateSchema.parse(body);
  assertCan(auth, 'intake_keys.create', { unitId: input.unitId });
  return runTransaction(db, async (tx) => {
    await assertUnitExists(tx, input.unitId);
    // A prefix is 40 random bits: a clash is rare, and the unique index turns it into a redraw.
    for (;;) {
      const { prefix, secret } = generateSecret();
      const row = await repo.insertKey(tx, {
        name: input.name,
        prefix,
        secretHash: hashSecret(secret),
        unitId: input.unitId,
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdBy: auth.user.id,
      });
      if (!row) continue;
      const key = presentIntakeKey((await repo.findKeyView(tx, row.id))!);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'intake_key.create',
        entityType: 'intake_api_key',
        entityId: row.id,
        after: key,
        ip,
      });
      return { key, secret };
    }
  });
}

/** Revokes a key: from now on it is refused with 401. Revoking it again changes nothing. */
export async function revokeIntakeKey(
  db: Db,
  auth: AuthContext,
  id: string,
  ip?: string,
): Promise<IntakeKey> {
  return runTransaction(db, async (tx) => {
    const row = await repo.findKeyById(tx, id);
    if (!row) throw notFound(KEY);
    assertCan(auth, 'intake_keys.revoke', row);
    if (!row.revokedAt) {
      const before = presentIntakeKey((await repo.findKeyView(tx, id))!);
      await repo.revokeKey(tx, id, auth.user.id);
      const after = presentIntakeKey((await repo.findKeyView(tx, id))!);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'intake_key.revoke',
        entityType: 'intake_api_key',
        entityId: id,
        before,
        after,
        ip,
      });
      return after;
    }
    return presentIntakeKey((await repo.findKeyView(tx, id))!);
  });
}

/** The key a request of the intake API was made with. */
export type IntakeCaller = {
  id: string;
  name: string;
  unitId: string;
  /** The admin who created the key (stored answers of `Idempotency-Key` are kept under them). */
  createdBy: string;
  rateLimitPerMinute: number;
};

/** 401 for a missing, malformed, unknown or revoked key: the same answer for each. */
export const apiKeyInvalid = () =>
  new AppError(401, 'api_key_invalid', {
    vi: 'Khóa API không hợp lệ hoặc đã bị thu hồi. Gửi khóa trong tiêu đề "Authorization: Bearer <khóa>".',
    en: 'The API key is invalid or revoked. Send it as "Authorization: Bearer <key>".',
  });

/** The secret a request presents: `Authorization: Bearer <secret>` or `X-Api-Key: <secret>`. */
export function presentedSecret(headers: {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  return bearer ?? (headers.apiKey?.trim() || undefined);
}

/**
 * The key behind a presented secret, or 401 `api_key_invalid`. The key is found by its
 * public prefix and its hash compared in constant time, so an unknown key and a revoked one
 * cost the same and get the same answer. A refused use of an existing key is audited.
 */
export async function authenticateIntakeKey(
  db: Db,
  secret: string | undefined,
  ip?: string,
): Promise<IntakeCaller> {
  const prefix = secret === undefined ? undefined : prefixOf(secret);
  const row = prefix === undefined ? undefined : await repo.findKeyByPrefix(db, prefix);
  const matches = secretMatches(secret ?? '', row?.secretHash);
  if (!row || !matches || row.revokedAt) {
    if (row) auditRefusedUse(db, row.id, row.revokedAt ? 'revoked' : 'wrong_secret', ip);
    throw apiKeyInvalid();
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= 60_000) {
    await repo.touchKey(db, row.id);
  }
  return {
    id: row.id,
    name: row.name,
    unitId: row.unitId,
    createdBy: row.createdBy,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}

/**
 * Writes the audit entry of a refused use without holding up the answer, so a revoked key is
 * refused as fast as an unknown one.
 */
function auditRefusedUse(db: Db, keyId: string, reason: string, ip: string | undefined): void {
  recordAudit(db, {
    actorId: null,
    action: 'intake_key.refused',
    entityType: 'intake_api_key',
    entityId: keyId,
    reason,
    ip,
  }).catch((err: unknown) => logger.error({ err }, 'could not audit a refused intake key'));
}

/**
 * Counts one request of the key in the database (shared by every app node) and refuses it
 * with 429 `api_key_rate_limited` past the key's requests per minute.
 */
export async function countIntakeRequest(db: Db, key: IntakeCaller): Promise<void> {
  const { count, secondsLeft } = await repo.countRequest(db, key.id);
  if (count <= key.rateLimitPerMinute) return;
  const seconds = Math.max(1, Math.ceil(secondsLeft));
  throw new AppError(
    429,
    'api_key_rate_limited',
    {
      vi: `Khóa này đã gửi quá ${key.rateLimitPerMinute} yêu cầu trong một phút. Hãy thử lại sau ${seconds} giây.`,
      en: `This key sent more than ${key.rateLimitPerMinute} requests in a minute. Try again in ${seconds} s.`,
    },
    { extra: { retryAfterSeconds: seconds } },
  );
}
