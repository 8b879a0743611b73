/**
 * Places: the province's wards, the post office serving each (service areas) and the rules
 * other modules ask of them (a job's office follows from its ward).
 */
import {
  foldVietnamese,
  type OfficeRef,
  type PutServiceWardsInput,
  type ServiceArea,
  type ServiceAreaList,
  type WardList,
  type WardsQuery,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, notFound, unprocessable, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { getSetting } from '../settings/settings.service';
import * as repo from './places.repository';
import type { WardWithOffice } from './places.repository';

export { geocode, type GeocodeOptions } from './geocoder';

const office = (w: WardWithOffice): OfficeRef | null =>
  w.officeId ? { id: w.officeId, name: w.officeName ?? '' } : null;

/** The province the deployment serves (setting `province_code`). */
export function provinceCode(db: DbOrTx): Promise<string> {
  return getSetting(db, 'province_code');
}

/** The province's wards for address pickers, typed with or without diacritics, each with its office. */
export async function listProvinceWards(db: DbOrTx, q: WardsQuery): Promise<WardList> {
  const folded = q.q ? foldVietnamese(q.q) : undefined;
  const rows = await repo.findProvinceWards(db, {
    provinceCode: await provinceCode(db),
    folded: folded || undefined,
    limit: q.limit,
  });
  const items = rows.map((w) => ({
    code: w.code,
    name: w.name,
    fullName: w.fullName,
    kind: w.kind,
    office: office(w),
  }));
  return { items, total: items.length };
}

/** A ward of the province as jobs use it: its names and the office serving it. */
export type ProvinceWard = { code: string; fullName: string; office: OfficeRef | null };

function wardUnknown(codes: string[], field: (code: string, i: number) => string): AppError {
  const list = codes.join(', ');
  const fields: Record<string, LocalizedText> = {};
  codes.forEach((c, i) => {
    fields[field(c, i)] = {
      vi: `Phường/xã ${c} không có trong danh sách của tỉnh`,
      en: `Ward ${c} is not in the province's list`,
    };
  });
  return unprocessable(
    'ward_unknown',
    {
      vi: `Không tìm thấy phường/xã ${list} trong danh sách đơn vị hành chính của tỉnh. Hãy chọn lại từ danh sách.`,
      en: `Ward ${list} is not in the province's list of administrative units. Choose it again from the list.`,
    },
    fields,
  );
}

/**
 * The ward with its office, or 422 `ward_unknown` (field `wardCode`) when it is not a ward
 * of the configured province.
 */
export async function provinceWardOrThrow(db: DbOrTx, wardCode: string): Promise<ProvinceWard> {
  const [w] = await repo.findWardsByCodes(db, [wardCode]);
  if (!w || w.provinceCode !== (await provinceCode(db)))
    throw wardUnknown([wardCode], () => 'wardCode');
  return { code: w.code, fullName: w.fullName, office: office(w) };
}

/** The office serving a ward (null when none, or when the ward is not one of the province's). */
export async function officeForWard(db: DbOrTx, wardCode: string): Promise<OfficeRef | null> {
  const [w] = await repo.findWardsByCodes(db, [wardCode]);
  if (!w || w.provinceCode !== (await provinceCode(db))) return null;
  return office(w);
}

/** Every post office of the caller's units with the wards it serves (also those with none). */
export async function listServiceAreas(db: Db, auth: AuthContext): Promise<ServiceAreaList> {
  assertCan(auth, 'places.service_areas.read');
  const offices = await repo.findPostOffices(db, auth.unitIds);
  const wards = await repo.findServedWards(
    db,
    offices.map((o) => o.id),
  );
  const items = offices.map((o) => ({
    unit: o,
    wards: wards
      .filter((w) => w.unitId === o.id)
      .map((w) => ({ code: w.code, fullName: w.fullName })),
  }));
  return { items, total: items.length };
}

const UNIT = { vi: 'Bưu cục', en: 'Post office' };

function servedElsewhere(taken: WardWithOffice[]): AppError {
  const vi = taken.map((w) => `${w.fullName} (${w.officeName})`).join(', ');
  return new AppError(
    409,
    'ward_served_elsewhere',
    {
      vi: `${vi} đang do bưu cục khác phục vụ. Mỗi phường/xã chỉ thuộc một bưu cục; chọn "chuyển sang bưu cục này" nếu muốn chuyển.`,
      en: `${taken.map((w) => `${w.fullName} (${w.officeName})`).join(', ')} is served by another post office. A ward belongs to one post office; choose "move to this office" to move it.`,
    },
    {
      extra: {
        wards: taken.map((w) => ({
          code: w.code,
          fullName: w.fullName,
          office: office(w),
        })),
      },
    },
  );
}

/**
 * Replaces the wards an office serves, in one transaction (audited). Every code must be a
 * ward of the province (422 `ward_unknown` naming them); a ward another office serves is
 * refused (409 `ward_served_elsewhere` naming the ward and the office) unless `move`, and
 * the admin must manage that office too.
 */
export async function putServiceWards(
  db: Db,
  auth: AuthContext,
  unitId: string,
  input: PutServiceWardsInput,
  opts: { ip?: string | undefined } = {},
): Promise<ServiceArea> {
  const unit = await repo.findUnitBrief(db, unitId);
  if (!unit) throw notFound(UNIT);
  assertCan(auth, 'places.service_areas.update', { unitId });
  if (unit.kind !== 'post_office')
    throw unprocessable('not_a_post_office', {
      vi: `${unit.name} không phải bưu cục; chỉ bưu cục mới có địa bàn phục vụ.`,
      en: `${unit.name} is not a post office; only post offices serve wards.`,
    });
  const codes = [...new Set(input.wardCodes)];
  return runTransaction(db, async (tx) => {
    await repo.lockServiceRows(tx, unitId, codes);
    const found = await repo.findWardsByCodes(tx, codes);
    const province = await provinceCode(tx);
    const known = new Map(found.filter((w) => w.provinceCode === province).map((w) => [w.code, w]));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw wardUnknown(unknown, (c) => `wardCodes.${input.wardCodes.indexOf(c)}`);
    const taken = [...known.values()].filter((w) => w.officeId && w.officeId !== unitId);
    if (taken.length > 0 && !input.move) throw servedElsewhere(taken);
    for (const w of taken) assertCan(auth, 'places.service_areas.update', { unitId: w.officeId! });
    const before = (await repo.findServedWards(tx, [unitId])).map((w) => w.code);
    const removed = await repo.removeServedWardsExcept(tx, unitId, codes);
    const added = codes.filter((c) => !before.includes(c));
    await repo.assignWards(tx, unitId, added, auth.user.id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'service_areas.update',
      entityType: 'unit',
      entityId: unitId,
      before: { wardCodes: before },
      after: {
        wardCodes: codes,
        added,
        removed,
        moved: taken.map((w) => ({ code: w.code, fromUnitId: w.officeId })),
      },
      ip: opts.ip,
    });
    const wards = await repo.findServedWards(tx, [unitId]);
    return {
      unit: { id: unit.id, name: unit.name, code: unit.code },
      wards: wards.map((w) => ({ code: w.code, fullName: w.fullName })),
    };
  });
}
