import type { Citizen, CitizenAddress } from '@tannha/shared';
import type { CitizenAddressRow, CitizenRow } from './citizens.repository';

export function presentAddress(a: CitizenAddressRow): CitizenAddress {
  return {
    id: a.id,
    label: a.label,
    addressText: a.addressText,
    wardCode: a.wardCode,
    lat: a.lat,
    lng: a.lng,
  };
}

/** API shape of a caller; the CCCD is never returned, only its last four digits. */
export function presentCitizen(c: CitizenRow, addresses: CitizenAddressRow[]): Citizen {
  return {
    id: c.id,
    fullName: c.fullName,
    phone: c.phone,
    email: c.email,
    smsOptOut: c.smsOptOut,
    unitId: c.unitId,
    notes: c.notes,
    cccdLast4: c.cccdLast4,
    addresses: addresses.filter((a) => a.citizenId === c.id).map(presentAddress),
    createdAt: c.createdAt.toISOString(),
  };
}
