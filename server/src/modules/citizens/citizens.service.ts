import {
  foldVietnamese,
  normalizePhone,
  type CitizenAddressInput,
  type CitizenHistory,
  type CreateCitizenInput,
  type UpdateCitizenInput,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { presentAddress, presentCitizen } from './citizens.presenter';
import {
  addressesOf,
  citizenIdsByPhone,
  deleteAddressRow,
  findCitizensByPhone,
  getCitizenRow,
  insertAddress,
  insertCitizen,
  jobsOf,
  recentCallsOf,
  searchCitizensByName,
  updateAddressRow,
  updateCitizenRow,
  type CitizenRow,
} from './citizens.repository';

const CITIZEN = { vi: 'Người gọi', en: 'Caller' };

/**
 * Reads a typed number into E.164, or refuses with a message that says what a valid number
 * looks like (the look-up runs as the operator types, so it must be tolerant).
 */
export function phoneOrThrow(input: string, field = 'phone'): string {
  const r = normalizePhone(input);
  if (!r.ok || r.kind === 'short') {
    throw new AppError(
      400,
      'validation_failed',
      { vi: 'Số điện thoại không hợp lệ.', en: 'The phone number is not valid.' },
      {
        fields: {
          [field]: {
            vi: 'Số điện thoại không hợp lệ: nhập 10 số bắt đầu bằng 0 (ví dụ 0912 345 678) hoặc +84…',
            en: 'Not a valid phone number: type 10 digits starting with 0 (e.g. 0912 345 678) or +84…',
          },
        },
      },
    );
  }
  return r.e164;
}

/** A caller the user may read (or, with `ability`, edit), or 404/403. */
export async function getCitizenForUser(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  ability: 'citizens.read' | 'citizens.update' = 'citizens.read',
): Promise<CitizenRow> {
  const row = await getCitizenRow(db, id);
  if (!row) throw notFound(CITIZEN);
  assertCan(auth, ability, row);
  return row;
}

/**
 * The one caller with this number among the callers of `unitIds` (the units that see the
 * call), or null when none or several match: a call never links a caller of another unit.
 */
export async function findOnlyCitizenByPhone(
  db: DbOrTx,
  e164: string,
  unitIds: readonly string[],
): Promise<string | null> {
  const ids = await citizenIdsByPhone(db, e164, unitIds, 2);
  return ids.length === 1 ? ids[0]! : null;
}

/** Look-up by phone (exact, any typed form) or by name (diacritic-insensitive). */
export async function searchCitizens(
  db: Db,
  auth: AuthContext,
  q: { phone?: string | undefined; q?: string | undefined; limit: number },
) {
  assertCan(auth, 'citizens.search');
  let rows: CitizenRow[] = [];
  if (q.phone) {
    rows = await findCitizensByPhone(db, phoneOrThrow(q.phone), auth.unitIds, q.limit);
  } else if (q.q) {
    const folded = foldVietnamese(q.q);
    const digits = q.q.replace(/[\s.\-()]/g, '');
    if (/^\+?\d{9,12}$/.test(digits) && normalizePhone(digits).ok) {
      rows = await findCitizensByPhone(db, phoneOrThrow(digits), auth.unitIds, q.limit);
    } else if (folded.length >= 2) {
      rows = await searchCitizensByName(db, folded, auth.unitIds, q.limit);
    }
  }
  const addresses = await addressesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCitizen(r, addresses));
}

export async function getCitizen(db: Db, auth: AuthContext, id: string) {
  const row = await getCitizenForUser(db, auth, id);
  return presentCitizen(row, await addressesOf(db, [row.id]));
}

/**
 * Creates a caller with their addresses, in one transaction. The caller belongs to the
 * given unit when it is one of the user's, else to the user's own unit.
 */
export async function createCitizen(db: Db, auth: AuthContext, input: CreateCitizenInput) {
  assertCan(auth, 'citizens.create');
  if (input.unitId) assertCan(auth, 'citizens.tieToUnit', { unitId: input.unitId });
  return db.transaction(async (tx) => {
    const row = await insertCitizen(tx, {
      fullName: input.fullName,
      phone: input.phone,
      email: input.email ?? null,
      notes: input.notes ?? null,
      smsOptOut: input.smsOptOut ?? false,
      unitId: input.unitId ?? auth.user.unitId,
    });
    const addresses = [];
    for (const a of input.addresses ?? [])
      addresses.push(await insertAddress(tx, { citizenId: row.id, ...addressValues(a) }));
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'citizen.create',
      entityType: 'citizen',
      entityId: row.id,
    });
    return presentCitizen(row, addresses);
  });
}

export async function updateCitizen(
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdateCitizenInput,
) {
  if (input.unitId === null) throw unitRequired();
  if (input.unitId) assertCan(auth, 'citizens.tieToUnit', { unitId: input.unitId });
  return db.transaction(async (tx) => {
    const before = await getCitizenForUser(tx, auth, id, 'citizens.update');
    const row = await updateCitizenRow(tx, id, { ...input, unitId: input.unitId ?? undefined });
    const changed = Object.keys(input).filter((k) => k !== 'notes');
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'citizen.update',
      entityType: 'citizen',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof CitizenRow]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k as keyof UpdateCitizenInput]])),
    });
    return presentCitizen(row!, await addressesOf(tx, [id]));
  });
}

/** 422 for an edit that would leave a caller without a unit. */
function unitRequired(): AppError {
  return unprocessable(
    'citizen_unit_required',
    {
      vi: 'Người gọi phải thuộc một đơn vị; không thể bỏ trống đơn vị.',
      en: 'A caller must belong to a unit; the unit cannot be left empty.',
    },
    { unitId: { vi: 'Chọn một đơn vị', en: 'Choose a unit' } },
  );
}

function addressValues(a: CitizenAddressInput) {
  return {
    label: a.label ?? null,
    addressText: a.addressText,
    wardCode: a.wardCode ?? null,
    lat: a.lat ?? null,
    lng: a.lng ?? null,
  };
}

/** Adds an address to a caller the user may edit. */
export async function addCitizenAddress(
  db: DbOrTx,
  auth: AuthContext,
  citizenId: string,
  a: CitizenAddressInput,
) {
  await getCitizenForUser(db, auth, citizenId, 'citizens.update');
  return presentAddress(await insertAddress(db, { citizenId, ...addressValues(a) }));
}

/** Rewrites one of the caller's addresses. */
export async function updateCitizenAddress(
  db: Db,
  auth: AuthContext,
  citizenId: string,
  addressId: string,
  a: CitizenAddressInput,
) {
  await getCitizenForUser(db, auth, citizenId, 'citizens.update');
  const row = await updateAddressRow(db, addressId, citizenId, addressValues(a));
  if (!row) throw notFound({ vi: 'Địa chỉ', en: 'Address' });
  return presentAddress(row);
}

/** Removes one of the caller's addresses. */
export async function deleteCitizenAddress(
  db: Db,
  auth: AuthContext,
  citizenId: string,
  addressId: string,
) {
  await getCitizenForUser(db, auth, citizenId, 'citizens.update');
  if (!(await deleteAddressRow(db, addressId, citizenId)))
    throw notFound({ vi: 'Địa chỉ', en: 'Address' });
}

/** The caller with the earlier calls and jobs the user may see, and saved addresses. */
export async function getCitizenHistory(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
): Promise<CitizenHistory> {
  const row = await getCitizenForUser(db, auth, id);
  const [addresses, callRows, jobRows] = await Promise.all([
    addressesOf(db, [id]),
    recentCallsOf(db, id, row.phone, auth.unitIds, 20),
    jobsOf(db, id, auth.unitIds, 20),
  ]);
  return {
    citizen: presentCitizen(row, addresses),
    calls: callRows.map((c) => ({ ...c, startedAt: c.startedAt.toISOString() })),
    jobs: jobRows.map((j) => ({ ...j, createdAt: j.createdAt.toISOString() })),
  };
}

/** A place to keep on a caller's card: the address, its ward and position, and where the position came from. */
export type CitizenPlace = {
  addressText: string;
  wardCode: string | null;
  lat: number | null;
  lng: number | null;
  locationSource: string | null;
};

/**
 * Writes a place on the caller's card (inside the caller's transaction): the saved address
 * with the same text as `addressText` or one of `formerTexts` (ignoring case and surrounding
 * spaces) is updated, otherwise the place is added. Returns the address as stored.
 */
export async function keepCitizenPlace(
  db: DbOrTx,
  citizenId: string,
  place: CitizenPlace,
  formerTexts: string[] = [],
) {
  const keys = new Set([place.addressText, ...formerTexts].map((t) => t.trim().toLowerCase()));
  const existing = await addressesOf(db, [citizenId]);
  const match = existing.find((e) => keys.has(e.addressText.trim().toLowerCase()));
  const values = {
    addressText: place.addressText,
    wardCode: place.wardCode,
    lat: place.lat,
    lng: place.lng,
    locationSource: place.locationSource,
  };
  if (match) return (await updateAddressRow(db, match.id, citizenId, values))!;
  return insertAddress(db, { citizenId, ...values });
}

/**
 * For the screen pop of a ringing call: the caller (with addresses) and their open jobs, as
 * the receiving units (`unitIds`) see them; null when the caller is not one of theirs.
 */
export async function getCallerCard(db: DbOrTx, citizenId: string, unitIds: readonly string[]) {
  const row = await getCitizenRow(db, citizenId);
  if (!row || !unitIds.includes(row.unitId)) return null;
  const addresses = await addressesOf(db, [row.id]);
  const openJobs = await jobsOf(db, row.id, unitIds, 10, true);
  return {
    citizen: {
      id: row.id,
      fullName: row.fullName,
      unitId: row.unitId,
      addresses: addresses.map((a) => ({
        id: a.id,
        addressText: a.addressText,
        wardCode: a.wardCode,
        lat: a.lat,
        lng: a.lng,
      })),
    },
    openJobs: openJobs.map((j) => ({
      id: j.id,
      code: j.code,
      type: j.type,
      status: j.status,
      dueDate: j.dueDate,
    })),
  };
}

/** The caller's recent calls the units see (by citizen, or by number for calls not yet linked). */
export async function listRecentCalls(
  db: DbOrTx,
  citizenId: string | null,
  phone: string,
  unitIds: readonly string[],
  limit: number,
) {
  return recentCallsOf(db, citizenId, phone, unitIds, limit);
}
