import type { IntakeKey } from '@tannha/shared';
import type { IntakeKeyView } from './intake-keys.repository';

/** A key as the admin's list shows it: never its secret nor its hash. */
export function presentIntakeKey(k: IntakeKeyView): IntakeKey {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    unit: { id: k.unitId, name: k.unitName },
    rateLimitPerMinute: k.rateLimitPerMinute,
    createdAt: k.createdAt.toISOString(),
    createdBy: { id: k.createdBy, fullName: k.createdByName },
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
