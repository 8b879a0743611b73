import type { Unit } from '@tannha/shared';
import type { units } from '../../db/schema';

/** API shape of a unit. */
export function presentUnit(u: typeof units.$inferSelect): Unit {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    address: u.address,
    lat: u.lat,
    lng: u.lng,
  };
}
