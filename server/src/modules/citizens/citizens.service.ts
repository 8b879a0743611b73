import {
  foldVietnamese,
  normalizePhone,
  type CitizenAddressInput,
  type CitizenHistory,
  type CreateCitizenInput,
  type UpdateCitizenInput,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { assertUnitInScope } from '../units/units.service';
import { presentAddress, presentCitizen } from './citizens.presenter';
import {
  addressesOf,
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

/** A caller the user may see (unit scope), or 404/403. */
export async function getCitizenForUser(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
): Promise<CitizenRow> {
  const row = await getCitizenRow(db, id);
  if (!row) throw notFound(CITIZEN);
  if (row.unitId && !auth.unitIds.includes(row.unitId)) throw forbidden();
  return row;
}

/** Look-up by phone (exact, any typed form) or by name (diacritic-insensitive). */
export async function searchCitizens(
  db: Db,
  auth: AuthContext,
  q: { phone?: string | undefined; q?: string | undefined; limit: number },
) {
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

/** Creates a caller with their addresses, in one transaction. */
export async function createCitizen(db: Db, auth: AuthContext, input: CreateCitizenInput) {
  if (input.unitId) assertUnitInScope(auth, input.unitId);
  return db.transaction(async (tx) => {
    const row = await insertCitizen(tx, {
      fullName: input.fullName,
      phone: input.phone,
      email: input.email ?? null,
      notes: input.notes ?? null,
      smsOptOut: input.smsOptOut ?? false,
      unitId: input.unitId ?? null,
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
  if (input.unitId) assertUnitInScope(auth, input.unitId);
  return db.transaction(async (tx) => {
    const before = await getCitizenForUser(tx, auth, id);
    const row = await updateCitizenRow(tx, id, input);
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

function addressValues(a: CitizenAddressInput) {
  return {
    label: a.label ?? null,
    addressText: a.addressText,
    wardCode: a.wardCode ?? null,
    lat: a.lat ?? null,
    lng: a.lng ?? null,
  };
}

export async function addCitizenAddress(
  db: DbOrTx,
  auth: AuthContext,
  citizenId: string,
  a: CitizenAddressInput,
) {
  await getCitizenForUser(db, auth, citizenId);
  return presentAddress(await insertAddress(db, { citizenId, ...addressValues(a) }));
}

export async function updateCitizenAddress(
  db: Db,
  auth: AuthContext,
  citizenId: string,
  addressId: string,
  a: CitizenAddressInput,
) {
  await getCitizenForUser(db, auth, citizenId);
  const row = await updateAddressRow(db, addressId, citizenId, addressValues(a));
  if (!row) throw notFound({ vi: 'Địa chỉ', en: 'Address' });
  return presentAddress(row);
}

export async function deleteCitizenAddress(
  db: Db,
  auth: AuthContext,
  citizenId: string,
  addressId: string,
) {
  await getCitizenForUser(db, auth, citizenId);
  if (!(await deleteAddressRow(db, addressId, citizenId)))
    throw notFound({ vi: 'Địa chỉ', en: 'Address' });
}

/** The caller with earlier calls, jobs and saved addresses. */
export async function getCitizenHistory(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
): Promise<CitizenHistory> {
  const row = await getCitizenForUser(db, auth, id);
  const [addresses, callRows, jobRows] = await Promise.all([
    addressesOf(db, [id]),
    recentCallsOf(db, id, row.phone, 20),
    jobsOf(db, id, 20),
  ]);
  return {
    citizen: presentCitizen(row, addresses),
    calls: callRows.map((c) => ({ ...c, startedAt: c.startedAt.toISOString() })),
    jobs: jobRows.map((j) => ({ ...j, createdAt: j.createdAt.toISOString() })),
  };
}
