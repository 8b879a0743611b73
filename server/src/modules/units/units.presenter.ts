import type { AdminUnit, Unit } from '@tannha/shared';
import type { UnitRow } from './units.repository';

/** API shape of a unit. */
export function presentUnit(u: UnitRow): Unit {
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

/** A unit as an admin sees it, and as the audit trail keeps it. */
export function presentAdminUnit(u: UnitRow): AdminUnit {
  return { ...presentUnit(u), wardCode: u.wardCode, phone: u.phone };
}
