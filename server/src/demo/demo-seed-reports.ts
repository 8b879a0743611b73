import { sql } from 'drizzle-orm';
import { addDays, jobPath, toVnDate, vnStartOfDay } from '@tannha/shared';
import { queryRows, type Tx } from '../db/client';
import { cashHandovers, citizens, jobEvents, jobs, payments, ratings, users } from '../db/schema';
import { refreshJobMilestones } from '../modules/reports/job-milestones';
import { demoRandom } from './demo-random';

/** The demo's tracking example, as printed on its receipt: open /tra-cuu/TNDEMO0001 with 5678. */
export const DEMO_TRACKING = { code: 'TNDEMO0001', phone: '+84912345678', last4: '5678' } as const;

const COMMENTS = [
  'Bưu tá đến đúng hẹn, hướng dẫn rất tận tình.',
  'Không phải đi lại, rất tiện.',
  'Nhanh gọn, thái độ lịch sự.',
  'Hơi trễ so với giờ hẹn nhưng có gọi báo trước.',
  null,
  null,
];

const RECEIPT_PREFIX = { procedure_fee: 'LP', postal_charge: 'CB' } as const;

/**
 * Money, ratings and cash handovers for the demo's finished jobs, so the manager's
 * dashboard and reconciliation have history: a procedure fee and a postal charge on each
 * job that got as far as collecting (receipt numbers from the same gapless counters the
 * ledger uses), the past shifts' cash counted (one with a shortfall and its reason), most
 * completed jobs rated — and one completed job left unrated for the tracking example.
 */
export async function seedReportsDemo(tx: Tx, now: Date): Promise<void> {
  const rnd = demoRandom(2206).next;
  const today = toVnDate(now);
  const done = await queryRows<{
    id: string;
    unit_id: string;
    unit_code: string;
    courier_id: string;
    status: string;
    fee: string;
    postal: string;
    at: Date | string;
  }>(
    tx,
    sql`select j.id, j.unit_id, u.code as unit_code, j.courier_id, j.status, j.fee_due_vnd::text as fee, j.postal_charge_vnd::text as postal,
               coalesce((select min(e.occurred_at) from job_events e where e.job_id = j.id and e.to_status in ('collected', 'delivered')), j.created_at) as at
        from jobs j join units u on u.id = j.unit_id
        where j.courier_id is not null and j.status in ('collected', 'submitted', 'delivered', 'completed')
          and not exists (select 1 from payments p where p.job_id = j.id)
        order by at, j.id`,
  );
  for (const j of done) {
    const at = new Date(j.at);
    const year = Number(toVnDate(at).slice(0, 4));
    const method = rnd() < 0.7 ? 'cash' : 'transfer';
    for (const flow of ['procedure_fee', 'postal_charge'] as const) {
      const amount = Number(flow === 'procedure_fee' ? j.fee : j.postal);
      if (amount <= 0) continue;
      const [c] = await queryRows<{ value: string }>(
        tx,
        sql`insert into counters (key, value) values (${`receipt:${j.unit_id}:${flow}:${year}`}, 1)
            on conflict (key) do update set value = counters.value + 1 returning value`,
      );
      const seq = Number(c!.value);
      await tx.insert(payments).values({
        jobId: j.id,
        unitId: j.unit_id,
        collectedBy: j.courier_id,
        flow,
        method,
        amountVnd: amount,
        status: 'confirmed',
        receiptYear: year,
        receiptSeq: seq,
        receiptNo: `${j.unit_code}/${year}/${RECEIPT_PREFIX[flow]}-${String(seq).padStart(6, '0')}`,
        occurredAt: at,
        recordedAt: at,
        confirmedAt: method === 'transfer' ? new Date(at.getTime() + 15 * 60_000) : null,
        shiftDate: toVnDate(at),
      });
    }
  }

  // Past shifts are counted: every courier hands in what the ledger says, except one short count.
  const [manager] = await tx
    .select()
    .from(users)
    .where(sql`${users.username} = 'manager2'`)
    .limit(1);
  if (manager) {
    const shifts = await queryRows<{
      courier_id: string;
      unit_id: string;
      shift_date: string;
      total: string;
      n: number;
    }>(
      tx,
      sql`select collected_by as courier_id, min(unit_id::text)::uuid as unit_id, to_char(shift_date, 'YYYY-MM-DD') as shift_date,
                 sum(amount_vnd)::text as total, count(*)::int as n
          from payments where method = 'cash' and cash_handover_id is null and shift_date < ${today}::date
          group by collected_by, shift_date order by shift_date, collected_by`,
    );
    let shortDone = false;
    for (const s of shifts) {
      const expected = Number(s.total);
      const short = !shortDone && s.shift_date === addDays(today, -1) ? 20_000 : 0;
      if (short) shortDone = true;
      const countedAt = new Date(vnStartOfDay(s.shift_date).getTime() + 17.5 * 3600_000);
      const [h] = await tx
        .insert(cashHandovers)
        .values({
          unitId: s.unit_id,
          courierId: s.courier_id,
          shiftDate: s.shift_date,
          expectedVnd: expected,
          countedVnd: expected - short,
          differenceVnd: -short,
          reason: short ? 'Thối nhầm tiền cho công dân, bưu tá đã báo cáo' : null,
          paymentCount: s.n,
          countedBy: manager.id,
          countedAt,
        })
        .returning({ id: cashHandovers.id });
      await tx.execute(
        sql`update payments set cash_handover_id = ${h!.id} where collected_by = ${s.courier_id} and shift_date = ${s.shift_date}::date and method = 'cash' and cash_handover_id is null`,
      );
    }
  }

  // The tracking example: a result delivered yesterday by courier1, not rated yet.
  const [courier] = await tx
    .select()
    .from(users)
    .where(sql`${users.username} = 'courier1'`)
    .limit(1);
  const [proc] = await queryRows<{ id: string }>(
    tx,
    sql`select id from procedures where in_person_only = false order by code limit 1`,
  );
  if (courier && proc) {
    const [citizen] = await tx
      .insert(citizens)
      .values({ fullName: 'Nguyễn Thị Hồng', phone: DEMO_TRACKING.phone, unitId: courier.unitId })
      .returning({ id: citizens.id });
    const day = addDays(today, -1);
    const t0 = vnStartOfDay(day).getTime() + 8 * 3600_000;
    const [job] = await tx
      .insert(jobs)
      .values({
        code: DEMO_TRACKING.code,
        type: 'result_delivery',
        status: 'completed',
        unitId: courier.unitId,
        citizenId: citizen!.id,
        procedureId: proc.id,
        dossierCode: `H48.19.14-${day.slice(2).replace(/-/g, '')}-0042`,
        addressText: '12 Nguyễn Ái Quốc, phường Trấn Biên, Đồng Nai',
        lat: 10.957,
        lng: 106.843,
        dueDate: today,
        courierId: courier.id,
        createdAt: new Date(t0),
        updatedAt: new Date(t0 + 6 * 3600_000),
        assignedAt: new Date(t0 + 20 * 60_000),
        completedAt: new Date(t0 + 6 * 3600_000),
      })
      .returning({ id: jobs.id });
    const steps = jobPath('result_delivery');
    await tx.insert(jobEvents).values(
      steps.map((s, i) => ({
        jobId: job!.id,
        kind:
          i === 0
            ? ('created' as const)
            : s === 'assigned'
              ? ('assign' as const)
              : ('transition' as const),
        fromStatus: i === 0 ? null : steps[i - 1]!,
        toStatus: s,
        actorId: i <= 1 ? null : courier.id,
        occurredAt: new Date(t0 + i * 50 * 60_000),
        recordedAt: new Date(t0 + i * 50 * 60_000),
      })),
    );
  }

  // Most completed jobs get a rating from their citizen.
  const completed = await queryRows<{
    id: string;
    unit_id: string;
    courier_id: string | null;
    completed_at: Date | string;
  }>(
    tx,
    sql`select id, unit_id, courier_id, completed_at from jobs where status = 'completed' and completed_at is not null and code <> ${DEMO_TRACKING.code} order by completed_at`,
  );
  for (const j of completed) {
    if (rnd() > 0.6) continue;
    const stars = rnd() < 0.08 ? 2 : rnd() < 0.25 ? 3 : rnd() < 0.55 ? 4 : 5;
    const createdAt = new Date(
      Math.min(
        now.getTime(),
        new Date(j.completed_at).getTime() + (1 + Math.floor(rnd() * 5)) * 3600_000,
      ),
    );
    await tx.insert(ratings).values({
      jobId: j.id,
      unitId: j.unit_id,
      courierId: j.courier_id,
      stars,
      comment: COMMENTS[Math.floor(rnd() * COMMENTS.length)] ?? null,
      createdAt,
    });
  }
  await refreshJobMilestones(tx);
}
