import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import {
  CALL_CATEGORIES,
  createWorkingCalendar,
  defaultHolidays,
  dueDate,
  toVnDate,
  vnStartOfDay,
  addDays,
  isWorkingDay,
  dayOfWeek,
  type HolidayEntry,
  type JobType,
} from '@tannha/shared';
import { queryRows, type Db, type Tx } from '../db/client';
import {
  calls,
  citizenAddresses,
  citizens,
  counters,
  holidays,
  jobEvents,
  jobs,
  procedures,
  settings,
  units,
  users,
} from '../db/schema';
import { hashPassword } from '../lib/password';
import { SETTINGS } from '../modules/settings/settings.service';
import { DEMO_PROCEDURES } from './demo-procedures';
import { seedDemoCouriers } from './demo-seed-couriers';
import { seedCourierDemo } from './demo-seed-courier';
import { seedPlansDemo } from './demo-seed-plans';
import { seedReportsDemo } from './demo-seed-reports';
import { createdEvent } from './demo-events';
import { seedPlacesDemo } from './demo-places';
import { demoJobStory, type DemoPlan } from './demo-job-story';
import { demoRandom } from './demo-random';

type UnitSeed = {
  code: string;
  name: string;
  kind: string;
  parent?: string;
  address: string;
  lat: number;
  lng: number;
};

/** Real places around Biên Hòa and Long Khánh (Đồng Nai); coordinates are approximate. */
const UNITS: UnitSeed[] = [
  {
    code: 'DNI',
    name: 'Bưu điện tỉnh Đồng Nai',
    kind: 'province_office',
    address: '1 Hưng Đạo Vương, phường Trấn Biên, Đồng Nai',
    lat: 10.9467,
    lng: 106.8183,
  },
  {
    code: 'DNI-BH',
    name: 'Bưu điện khu vực Biên Hòa',
    kind: 'area_office',
    parent: 'DNI',
    address: '1 Hưng Đạo Vương, phường Trấn Biên, Đồng Nai',
    lat: 10.9467,
    lng: 106.8183,
  },
  {
    code: 'DNI-BH-TB',
    name: 'Bưu cục Trấn Biên',
    kind: 'post_office',
    parent: 'DNI-BH',
    address: '96 Cách Mạng Tháng Tám, phường Trấn Biên, Đồng Nai',
    lat: 10.9512,
    lng: 106.8226,
  },
  {
    code: 'DNI-BH-TH',
    name: 'Bưu cục Tam Hiệp',
    kind: 'post_office',
    parent: 'DNI-BH',
    address: '122 Phạm Văn Thuận, phường Tam Hiệp, Đồng Nai',
    lat: 10.9446,
    lng: 106.8588,
  },
  {
    code: 'DNI-BH-LB',
    name: 'Bưu cục Long Bình',
    kind: 'post_office',
    parent: 'DNI-BH',
    address: '15 Bùi Văn Hòa, phường Long Bình, Đồng Nai',
    lat: 10.9381,
    lng: 106.8894,
  },
  {
    code: 'DNI-BH-TD',
    name: 'Bưu cục Trảng Dài',
    kind: 'post_office',
    parent: 'DNI-BH',
    address: '210 Nguyễn Khuyến, phường Trảng Dài, Đồng Nai',
    lat: 10.9806,
    lng: 106.8672,
  },
  {
    code: 'DNI-LK',
    name: 'Bưu điện khu vực Long Khánh',
    kind: 'area_office',
    parent: 'DNI',
    address: '2 Hồ Thị Hương, phường Long Khánh, Đồng Nai',
    lat: 10.9339,
    lng: 107.2436,
  },
  {
    code: 'DNI-LK-LK',
    name: 'Bưu cục Long Khánh',
    kind: 'post_office',
    parent: 'DNI-LK',
    address: '2 Hồ Thị Hương, phường Long Khánh, Đồng Nai',
    lat: 10.9339,
    lng: 107.2436,
  },
  {
    code: 'DNI-LK-BL',
    name: 'Bưu cục Bình Lộc',
    kind: 'post_office',
    parent: 'DNI-LK',
    address: 'Quốc lộ 1A, phường Bình Lộc, Đồng Nai',
    lat: 10.9723,
    lng: 107.2311,
  },
];

type UserSeed = { username: string; fullName: string; role: string; unit: string };

const USERS: UserSeed[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unit: 'DNI' },
  { username: 'manager1', fullName: 'Trần Thị Thu Hà', role: 'manager', unit: 'DNI' },
  { username: 'manager2', fullName: 'Lê Quốc Bảo', role: 'manager', unit: 'DNI-BH' },
  { username: 'dispatcher1', fullName: 'Phạm Minh Tuấn', role: 'dispatcher', unit: 'DNI-BH' },
  { username: 'dispatcher2', fullName: 'Võ Thị Ngọc Lan', role: 'dispatcher', unit: 'DNI-LK' },
  { username: 'operator1', fullName: 'Nguyễn Thị Mai', role: 'operator', unit: 'DNI' },
  { username: 'operator2', fullName: 'Hoàng Văn Nam', role: 'operator', unit: 'DNI' },
  { username: 'operator3', fullName: 'Đỗ Thị Thanh Tâm', role: 'operator', unit: 'DNI' },
  { username: 'courier1', fullName: 'Nguyễn Văn Hùng', role: 'courier', unit: 'DNI-BH-TB' },
  { username: 'courier2', fullName: 'Trần Minh Đức', role: 'courier', unit: 'DNI-BH-TB' },
  { username: 'courier3', fullName: 'Lê Thị Hồng', role: 'courier', unit: 'DNI-BH-TB' },
  { username: 'courier4', fullName: 'Phan Văn Tài', role: 'courier', unit: 'DNI-BH-TH' },
  { username: 'courier5', fullName: 'Huỳnh Thị Kim', role: 'courier', unit: 'DNI-BH-TH' },
  { username: 'courier6', fullName: 'Bùi Quang Vinh', role: 'courier', unit: 'DNI-BH-LB' },
  { username: 'courier7', fullName: 'Dương Văn Phúc', role: 'courier', unit: 'DNI-BH-LB' },
  { username: 'courier8', fullName: 'Ngô Thị Yến', role: 'courier', unit: 'DNI-BH-TD' },
  { username: 'courier9', fullName: 'Vũ Đình Khang', role: 'courier', unit: 'DNI-BH-TD' },
  { username: 'courier10', fullName: 'Hồ Văn Lộc', role: 'courier', unit: 'DNI-LK-LK' },
  { username: 'courier11', fullName: 'Đặng Thị Hoa', role: 'courier', unit: 'DNI-LK-LK' },
  { username: 'courier12', fullName: 'Lý Minh Quân', role: 'courier', unit: 'DNI-LK-BL' },
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Quốc', 'Thu', 'Đức', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Hà',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
  'Sơn',
  'Đạt',
];
const STREETS: Record<string, string[]> = {
  'DNI-BH-TB': [
    'Cách Mạng Tháng Tám',
    'Hưng Đạo Vương',
    'Võ Thị Sáu',
    'Phan Chu Trinh',
    'Nguyễn Văn Trị',
  ],
  'DNI-BH-TH': ['Phạm Văn Thuận', 'Đồng Khởi', 'Nguyễn Văn Hoa', 'Trương Định'],
  'DNI-BH-LB': ['Bùi Văn Hòa', 'Nguyễn Ái Quốc', 'Phạm Văn Khoai', 'Hà Huy Giáp'],
  'DNI-BH-TD': ['Nguyễn Khuyến', 'Đồng Khởi', 'Huỳnh Văn Nghệ', 'Bùi Trọng Nghĩa'],
  'DNI-LK-LK': ['Hồ Thị Hương', 'Hùng Vương', 'Lê A', 'Nguyễn Trãi'],
  'DNI-LK-BL': ['Quốc lộ 1A', 'Ngô Quyền', 'Bình Lộc'],
};
const WARD_OF: Record<string, string> = {
  'DNI-BH-TB': 'Trấn Biên',
  'DNI-BH-TH': 'Tam Hiệp',
  'DNI-BH-LB': 'Long Bình',
  'DNI-BH-TD': 'Trảng Dài',
  'DNI-LK-LK': 'Long Khánh',
  'DNI-LK-BL': 'Bình Lộc',
};
/** Default job due date, in working days from receipt, until an admin changes the setting. */
export const DEFAULT_JOB_DUE_WORKING_DAYS = SETTINGS.job_due_working_days.fallback;

/** What `npm start` prints to sign in: one password for all (DEMO_PASSWORD) or one per account. */
export type DemoLogins =
  | { kind: 'shared'; password: string }
  | { kind: 'per_user'; logins: { username: string; password: string }[] }
  | { kind: 'unknown' };

// No 0/o, 1/l/i: read off a screen and typed on a phone without doubt.
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 16 random characters from {@link READABLE} in groups of four (about 79 bits). */
export function generateDemoPassword(): string {
  const chars = Array.from({ length: 16 }, () => READABLE[randomInt(READABLE.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function readLogins(dataDir: string): DemoLogins {
  const file = path.join(dataDir, 'demo-passwords');
  if (!existsSync(file)) return { kind: 'unknown' };
  const logins = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string] => parts.length === 2)
    .map(([username, password]) => ({ username, password }));
  return { kind: 'per_user', logins };
}

/**
 * Writes the demo data on first start only: it does nothing when any user exists, so it
 * never writes over real data. Every account gets its own generated password (kept in
 * DATA_DIR/demo-passwords, readable by the owner only) unless DEMO_PASSWORD gives one for all.
 */
export async function seedDemoData(
  db: Db,
  opts: { password?: string | undefined; dataDir: string; now?: Date },
): Promise<{ seededNow: boolean; logins: DemoLogins }> {
  const existing = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  if ((existing[0]?.n ?? 0) > 0) {
    const logins: DemoLogins = opts.password
      ? { kind: 'shared', password: opts.password }
      : readLogins(opts.dataDir);
    return { seededNow: false, logins };
  }
  const passwords = USERS.map(() => opts.password ?? generateDemoPassword());
  const logins: DemoLogins = opts.password
    ? { kind: 'shared', password: opts.password }
    : {
        kind: 'per_user',
        logins: USERS.map((u, i) => ({ username: u.username, password: passwords[i]! })),
      };
  if (logins.kind === 'per_user') {
    writeFileSync(
      path.join(opts.dataDir, 'demo-passwords'),
      logins.logins.map((l) => `${l.username} ${l.password}`).join('\n') + '\n',
      { mode: 0o600 },
    );
  }
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    await writeDemo(tx, hashes, now);
  });
  return { seededNow: true, logins };
}

async function writeDemo(tx: Tx, hashes: string[], now: Date): Promise<void> {
  const rnd = demoRandom(1022);
  const unitIds = new Map<string, string>();
  for (const u of UNITS) {
    const [row] = await tx
      .insert(units)
      .values({
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId: u.parent ? unitIds.get(u.parent)! : null,
        address: u.address,
        lat: u.lat,
        lng: u.lng,
      })
      .returning({ id: units.id });
    unitIds.set(u.code, row!.id);
  }
  const userIds = new Map<string, string>();
  const userRows = await tx
    .insert(users)
    .values(
      USERS.map((u, i) => ({
        username: u.username,
        fullName: u.fullName,
        role: u.role,
        unitId: unitIds.get(u.unit)!,
        passwordHash: hashes[i]!,
      })),
    )
    .returning({ id: users.id, username: users.username });
  for (const r of userRows) userIds.set(r.username, r.id);

  const procRows = await tx
    .insert(procedures)
    .values(
      DEMO_PROCEDURES.map((p) => ({ ...p, inPersonOnly: p.inPersonOnly ?? false, sample: true })),
    )
    .returning({
      id: procedures.id,
      code: procedures.code,
      inPersonOnly: procedures.inPersonOnly,
      feeVnd: procedures.feeVnd,
      postalChargeVnd: procedures.postalChargeVnd,
      processingDays: procedures.processingDays,
    });
  const postable = procRows.filter((p) => !p.inPersonOnly);

  const year = Number(toVnDate(now).slice(0, 4));
  const entries: HolidayEntry[] = [...defaultHolidays(year), ...defaultHolidays(year + 1)];
  await tx.insert(holidays).values(entries).onConflictDoNothing();
  const cal = createWorkingCalendar(entries);

  await tx.insert(settings).values([
    { key: 'job_due_working_days', value: DEFAULT_JOB_DUE_WORKING_DAYS },
    { key: 'feedback_due_working_days', value: 5 },
    {
      key: 'postal_leg_days',
      value: { sameArea: 1, province: 2, majorCities: 3, interProvince: 4 },
    },
    { key: 'demo_seeded_at', value: now.toISOString() },
  ]);

  // Citizens: a fixed, searchable one first (the hotline's regular caller), then random ones.
  const leafUnits = Object.keys(WARD_OF);
  const citizenSeeds = [{ fullName: 'Đặng Minh Dũng', unit: 'DNI-BH-TB' }];
  for (let i = 0; i < 70; i++) {
    citizenSeeds.push({
      fullName: `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`,
      unit: rnd.pick(leafUnits),
    });
  }
  const citizenList: {
    id: string;
    unit: string;
    address: string;
    lat: number;
    lng: number;
    phone: string;
  }[] = [];
  for (const [i, c] of citizenSeeds.entries()) {
    const phone = `+849${String(10_000_000 + i * 7919 + rnd.int(0, 999)).padStart(8, '0')}`;
    const base = UNITS.find((u) => u.code === c.unit)!;
    const lat = base.lat + (rnd.next() - 0.5) * 0.03;
    const lng = base.lng + (rnd.next() - 0.5) * 0.03;
    const address = `${rnd.int(1, 399)} ${rnd.pick(STREETS[c.unit]!)}, phường ${WARD_OF[c.unit]}, Đồng Nai`;
    const [row] = await tx
      .insert(citizens)
      .values({ fullName: c.fullName, phone, unitId: unitIds.get(c.unit)! })
      .returning({ id: citizens.id });
    await tx
      .insert(citizenAddresses)
      .values({ citizenId: row!.id, label: 'Nhà riêng', addressText: address, lat, lng });
    citizenList.push({ id: row!.id, unit: c.unit, address, lat, lng, phone });
  }

  const couriersByUnit = new Map<string, string[]>();
  for (const u of USERS.filter((x) => x.role === 'courier')) {
    couriersByUnit.set(u.unit, [...(couriersByUnit.get(u.unit) ?? []), userIds.get(u.username)!]);
  }
  const operators = ['operator1', 'operator2', 'operator3'].map((u) => userIds.get(u)!);
  const today = toVnDate(now);
  let jobSeq = 0;
  let callSeq = 0;

  // Three weeks of history and today, as a working office sees it: calls in office hours,
  // most on working days (Mondays busiest), a few on Saturday mornings and almost none on
  // Sundays and holidays; jobs from a share of them, most done on time, a few late after a
  // failed visit, a handful still open past their due date, a few cancelled.
  const story = demoRandom(1023);
  let openLateLeft = 4;
  for (let d = -21; d <= 0; d++) {
    const day = addDays(today, d);
    const working = isWorkingDay(cal, day);
    const dow = dayOfWeek(day);
    const dayStart = vnStartOfDay(day).getTime();
    const nCalls = !working
      ? dow === 6
        ? rnd.int(2, 5)
        : rnd.int(0, 2)
      : dow === 1
        ? rnd.int(20, 28)
        : dow === 5
          ? rnd.int(13, 20)
          : rnd.int(15, 23);
    // Saturday mornings only; on working days 07:30–17:00.
    const span = working ? 9.5 : 4;
    for (let c = 0; c < nCalls; c++) {
      const startedAt = new Date(dayStart + (7.5 + rnd.next() * span) * 3600_000);
      const citizen = rnd.pick(citizenList);
      const category = rnd.pick(CALL_CATEGORIES);
      const missed = rnd.next() < 0.06;
      const duration = missed ? 0 : rnd.int(45, 420);
      // A call still going on (or its job not written yet) is not history.
      if (startedAt.getTime() + (duration + 150) * 1000 > now.getTime()) continue;
      const wantsJob =
        !missed && (category === 'pickup_request' || category === 'delivery_request');
      callSeq++;
      const [callRow] = await tx
        .insert(calls)
        .values({
          ticketCode: `1022-${day.slice(2).replace(/-/g, '')}-${String(callSeq).padStart(4, '0')}`,
          direction: 'inbound',
          callerPhone: citizen.phone,
          citizenId: citizen.id,
          operatorId: missed ? null : rnd.pick(operators),
          unitId: unitIds.get('DNI')!,
          startedAt,
          answeredAt: missed ? null : new Date(startedAt.getTime() + rnd.int(3, 25) * 1000),
          endedAt: new Date(startedAt.getTime() + (duration + 20) * 1000),
          durationSeconds: duration,
          category: missed ? null : category,
          content: missed ? null : 'Công dân gọi hỏi về thủ tục và đề nghị hỗ trợ (dữ liệu mẫu).',
          outcome: missed
            ? 'missed'
            : wantsJob
              ? 'job_created'
              : category === 'feedback'
                ? 'forwarded'
                : 'answered',
          closedAt: missed ? null : new Date(startedAt.getTime() + (duration + 60) * 1000),
        })
        .returning({ id: calls.id });
      if (!wantsJob) continue;

      const type: JobType = category === 'pickup_request' ? 'home_assistance' : 'result_delivery';
      const proc = rnd.pick(postable);
      const couriers = couriersByUnit.get(citizen.unit)!;
      const courierId = rnd.pick(couriers);
      const dispatcherId = userIds.get(
        citizen.unit.startsWith('DNI-LK') ? 'dispatcher2' : 'dispatcher1',
      )!;
      const createdAt = new Date(startedAt.getTime() + (duration + 90) * 1000);
      const due = dueDate(cal, createdAt, DEFAULT_JOB_DUE_WORKING_DAYS);
      const roll = story.next();
      let plan: DemoPlan = roll < 0.03 ? 'cancelled' : roll < 0.15 ? 'late' : 'on_time';
      // A handful of last week's jobs are still open past their due date.
      if (plan === 'on_time' && d <= -3 && d >= -8 && openLateLeft > 0 && story.next() < 0.25)
        plan = 'open_late';
      if (plan === 'open_late') openLateLeft--;
      const s = demoJobStory({ type, createdAt, due, cal, now, rnd: story, plan });
      jobSeq++;
      const [jobRow] = await tx
        .insert(jobs)
        .values({
          code: `TN${day.slice(2).replace(/-/g, '')}${String(jobSeq).padStart(4, '0')}`,
          type,
          status: s.status,
          unitId: unitIds.get(citizen.unit)!,
          citizenId: citizen.id,
          procedureId: proc.id,
          dossierCode:
            type === 'result_delivery'
              ? `H48.19.10-${day.slice(2).replace(/-/g, '')}-${String(jobSeq).padStart(4, '0')}`
              : null,
          addressText: citizen.address,
          lat: citizen.lat,
          lng: citizen.lng,
          windowStart: s.window.start,
          windowEnd: s.window.end,
          dueDate: due,
          feeDueVnd: proc.feeVnd,
          postalChargeVnd: proc.postalChargeVnd,
          courierId: s.assignedAt ? courierId : null,
          callId: callRow!.id,
          notes: null,
          attemptCount: s.attempts,
          createdBy: rnd.pick(operators),
          createdAt,
          updatedAt: s.steps[s.steps.length - 1]!.at,
          assignedAt: s.assignedAt,
          completedAt: s.completedAt,
        })
        .returning({ id: jobs.id });
      const events: (typeof jobEvents.$inferInsert)[] = s.steps.map((step) =>
        step.kind === 'created'
          ? createdEvent(jobRow!.id, rnd.pick(operators), step.at)
          : {
              jobId: jobRow!.id,
              kind: step.kind,
              fromStatus: step.from,
              toStatus: step.to,
              reason: step.reason ?? null,
              actorId: step.kind === 'assign' || step.to === 'cancelled' ? dispatcherId : courierId,
              occurredAt: step.at,
              recordedAt: step.at,
              ...(step.kind === 'assign' ? { data: { courierId } } : {}),
            },
      );
      await tx.insert(jobEvents).values(events);
    }
  }
  await tx.insert(counters).values([
    { key: 'job', value: jobSeq },
    { key: 'call', value: callSeq },
  ]);
  await seedDemoCouriers(tx, now);
  await seedCourierDemo(tx, now);
  await seedPlansDemo(tx, now);
  await seedReportsDemo(tx, now);
  await seedPlacesDemo(tx, now, cal);
}
