import { randomUUID } from 'node:crypto';
import type { RouteEntry } from './route-table';
import { TINY_PNG, type TwoUnitWorld } from './security-fixture';

/** What a request on a route is made of, once its path is filled with real ids. */
export type RouteExample = {
  /** The path with its parameters filled in. */
  url: string;
  /** Whether the path or the body names a record of unit A (the sibling check applies). */
  touchesUnitA: boolean;
  body: Record<string, unknown>;
  query: Record<string, string>;
};

/** A route's key in the tables below: `POST /api/jobs/:id/payments`. */
export const routeKey = (r: Pick<RouteEntry, 'method' | 'path'>) => `${r.method} ${r.path}`;

type Ids = TwoUnitWorld['rec'] & {
  unitA: string;
  unitB: string;
  courierA: string;
  courierB: string;
};

/** The record of unit A a `:id` stands for, by the segment before it. */
function idFor(segment: string, ids: Ids): string | undefined {
  const byResource: Record<string, string> = {
    jobs: ids.jobId,
    calls: ids.callId,
    callbacks: ids.callbackId,
    citizens: ids.citizenId,
    payments: ids.paymentId,
    documents: ids.documentId,
    couriers: ids.courierA,
    plans: ids.planId,
    units: ids.unitA,
    users: ids.userId,
    'screen-pop': ids.callId,
    'result-pickups': ids.pickupId,
  };
  return byResource[segment];
}

/** Parameters that name no record of a unit (catalogue, calendar, settings, public codes). */
const GLOBAL_PARAMS: Record<string, string> = {
  date: '2026-09-02',
  file: 'jobs.csv',
};

function fillPath(path: string, ids: Ids): { url: string; touchesUnitA: boolean } {
  const parts = path.split('/');
  let touchesUnitA = false;
  const filled = parts.map((part, i) => {
    if (!part.startsWith(':')) return part;
    const name = part.slice(1);
    if (name === 'addressId') {
      touchesUnitA = true;
      return ids.addressId;
    }
    if (name === 'key') return parts[i - 1] === 'templates' ? 'job_created' : 'office_hours';
    if (name === 'code') return ids.secret.jobCode;
    if (name in GLOBAL_PARAMS) return GLOBAL_PARAMS[name]!;
    const id = idFor(parts[i - 1] ?? '', ids);
    if (id) touchesUnitA = true;
    // A route nobody listed still gets a well-formed id (and its 401/403 checks).
    return id ?? randomUUID();
  });
  return { url: filled.join('/'), touchesUnitA };
}

const soon = () => new Date(Date.now() + 3600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A valid-looking body for the routes that need one (keyed by route); the rest get `{}`.
 * Bodies that name unit A's records make a sibling unit's request a cross-unit attempt.
 */
function bodies(ids: Ids): Record<string, { body: Record<string, unknown>; touchesUnitA?: true }> {
  const jobFields = {
    type: 'home_assistance',
    addressText: '5 Đường Thử, phường Trấn Biên, Đồng Nai',
    lat: 10.95,
    lng: 106.82,
  };
  return {
    'POST /api/auth/login': { body: { username: 'nobody', password: 'wrong-password' } },
    'PATCH /api/admin/units/:id': { body: { name: 'Bưu cục đổi tên' } },
    'PATCH /api/admin/users/:id': { body: { fullName: 'Tên mới' } },
    'POST /api/admin/users/:id/password': { body: { password: 'Mat-khau-moi-1022' } },
    'POST /api/admin/users': {
      body: {
        username: 'nguoi-moi',
        fullName: 'Người Mới',
        role: 'operator',
        unitId: ids.unitA,
        password: 'Mat-khau-moi-1022',
      },
      touchesUnitA: true,
    },
    'POST /api/admin/holidays': { body: { date: '2026-09-03', kind: 'holiday', name: 'Nghỉ bù' } },
    'POST /api/citizens': { body: { fullName: 'Người Gọi Mới', phone: '0912000111' } },
    'PATCH /api/citizens/:id': { body: { notes: 'Ghi chú sửa' } },
    'POST /api/citizens/:id/addresses': { body: { addressText: '9 Đường Mới, phường Tam Hiệp' } },
    'PUT /api/citizens/:id/addresses/:addressId': {
      body: { addressText: '9 Đường Mới, phường Tam Hiệp' },
    },
    'POST /api/calls': { body: { callerPhone: '0912000222', content: 'Hỏi thủ tục' } },
    'PATCH /api/calls/:id': { body: { content: 'Nội dung sửa' } },
    'POST /api/calls/:id/reopen': { body: { reason: 'Mở lại để bổ sung' } },
    'POST /api/calls/:id/jobs': { body: { ...jobFields, unitId: ids.unitB } },
    'POST /api/calls/:id/callbacks': { body: { dueAt: soon(), note: 'Gọi lại' } },
    'POST /api/calls/callbacks/:id/complete': { body: { status: 'done' } },
    'POST /api/jobs': {
      body: { ...jobFields, unitId: ids.unitB, citizenId: ids.citizenId, callId: ids.callId },
      touchesUnitA: true,
    },
    'POST /api/jobs/assign': {
      body: { jobIds: [ids.jobId], courierId: ids.courierB },
      touchesUnitA: true,
    },
    'POST /api/jobs/:id/transitions': { body: { to: 'cancelled', reason: 'Thử hủy' } },
    'POST /api/jobs/:id/assign': { body: { courierId: ids.courierB } },
    'POST /api/couriers/:id/reassign-day': {
      body: { toCourierId: ids.courierB, reason: 'Nghỉ ốm' },
    },
    'POST /api/couriers/me/duty': { body: { onDuty: true } },
    'POST /api/couriers/me/positions': { body: { lat: 10.95, lng: 106.82 } },
    'POST /api/jobs/:id/payments': {
      body: { lines: [{ flow: 'procedure_fee', amountVnd: 1_000 }], method: 'cash' },
    },
    'POST /api/payments/:id/reverse': { body: { reason: 'Thu nhầm' } },
    'POST /api/jobs/:id/documents/order': { body: { ids: [ids.documentId] } },
    'POST /api/agency-handovers': {
      body: {
        agencyName: 'Sở Tư pháp',
        clerkName: 'Lê Văn Cường',
        items: [{ jobId: ids.jobId, complete: true }],
      },
      touchesUnitA: true,
    },
    'POST /api/couriers/me/result-pickups/check': { body: { codes: ['H48.19.10-260315-0042'] } },
    'POST /api/couriers/me/result-pickups': {
      body: {
        codes: [ids.secret.jobCode],
        agencyName: 'Trung tâm Phục vụ hành chính công',
        clerkName: 'Lê Văn Cường',
        clerkSignature: `data:image/png;base64,${TINY_PNG.toString('base64')}`,
      },
      touchesUnitA: true,
    },
    'POST /api/units/:id/plans': { body: { date: today(), budgetMs: 100 } },
    'PATCH /api/plans/:id': { body: { routes: [] } },
    'POST /api/reconciliation/handovers': {
      body: { courierId: ids.courierA, shiftDate: today(), countedVnd: 0, reason: 'Đếm thử' },
      touchesUnitA: true,
    },
    'POST /api/reconciliation/fee-remittances': {
      body: { unitId: ids.unitA, agency: 'Sở Tư pháp' },
      touchesUnitA: true,
    },
    'POST /api/track/:code/rating': { body: { stars: 5 } },
  };
}

/** Query strings that aim a list at unit A's data (a sibling must get none of it). */
function queries(ids: Ids): Record<string, Record<string, string>> {
  return {
    'GET /api/citizens': { phone: ids.secret.phone },
    'GET /api/jobs': { unitId: ids.unitA },
    'GET /api/calls': { unitId: ids.unitA },
    'GET /api/couriers': { unitId: ids.unitA },
    'GET /api/sms': { unitId: ids.unitA },
    'GET /api/reconciliation/shifts': { date: today(), unitId: ids.unitA },
    'GET /api/reconciliation/fees': { unitId: ids.unitA },
    'GET /api/reconciliation/handovers': { unitId: ids.unitA },
    'GET /api/reconciliation/fee-remittances': { unitId: ids.unitA },
    'GET /api/agency-handovers': { unitId: ids.unitA },
    'GET /api/users': { unitId: ids.unitA },
    'GET /api/reports/summary': { unitId: ids.unitA },
    'GET /api/ratings': { unitId: ids.unitA },
  };
}

/** The ids of a world, flattened for the tables above. */
export function idsOf(w: TwoUnitWorld): Ids {
  return {
    ...w.rec,
    unitA: w.f.unitA.id,
    unitB: w.f.unitB.id,
    courierA: w.f.courier1.id,
    courierB: w.f.courierB.id,
  };
}

/** The request to make on `route` in world `w` (path filled, body and query from the tables). */
export function exampleFor(route: RouteEntry, ids: Ids): RouteExample {
  const { url, touchesUnitA } = fillPath(route.path, ids);
  const key = routeKey(route);
  const b = bodies(ids)[key];
  return {
    url,
    touchesUnitA: touchesUnitA || b?.touchesUnitA === true,
    body: b?.body ?? {},
    query: queries(ids)[key] ?? {},
  };
}

/** The strings of unit A's records no one outside unit A may read. */
export function secretsOf(ids: Ids): string[] {
  const s = ids.secret;
  return [
    s.name,
    s.phone,
    s.phone.replace('+84', '0'),
    s.content,
    s.address,
    s.jobCode,
    s.doorJobCode,
  ];
}
