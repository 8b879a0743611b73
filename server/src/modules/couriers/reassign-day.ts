import type { Job, ReassignDayInput } from '@tannha/shared';
import { AppError, notFound, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { assignJob, findOpenJobsOfCourier, type JobHooks } from '../jobs/jobs.service';
import { announceDuty, COURIER, type CouriersContext } from './courier-status';
import { findUserBrief, setOffDuty } from './couriers.repository';

/** Jobs a sick courier can hand over: nothing taken from the citizen or the agency yet. */
const HANDOVER_OK = ['assigned', 'accepted', 'failed_attempt'];

/**
 * A courier falls ill: every open job they have not started physically (assigned,
 * accepted, failed attempt, or on hold from those) goes to `toCourierId`, or back to the
 * pool with `null`, in one transaction. Jobs already under way (papers in hand) are listed
 * as skipped with the reason, for the dispatcher to handle one by one. By default the
 * courier is taken off duty.
 */
export async function reassignDay(
  ctx: CouriersContext & { jobHooks: JobHooks },
  auth: AuthContext,
  courierId: string,
  input: ReassignDayInput,
) {
  const { db } = ctx;
  assertCan(auth, 'couriers.reassign_day');
  const courier = await findUserBrief(db, courierId);
  if (!courier || courier.role !== 'courier') throw notFound(COURIER);
  assertCan(auth, 'couriers.reassign_day', courier);
  if (input.toCourierId === courierId) {
    throw new AppError(
      422,
      'reassign_same_courier',
      { vi: 'Hãy chọn một bưu tá khác.', en: 'Pick a different courier.' },
      { fields: { toCourierId: { vi: 'Trùng bưu tá', en: 'Same courier' } } },
    );
  }
  return runTransaction(db, async (tx) => {
    const open = await findOpenJobsOfCourier(tx, courierId);
    const moved: Job[] = [];
    const skipped: { jobId: string; code: string; status: string; why: LocalizedText }[] = [];
    for (const j of open) {
      const effective = j.status === 'on_hold' ? j.heldFrom : j.status;
      if (!effective || !HANDOVER_OK.includes(effective)) {
        skipped.push({
          jobId: j.id,
          code: j.code,
          status: j.status,
          why: {
            vi: 'Bưu tá đang giữ hồ sơ/kết quả; cần xử lý riêng.',
            en: 'The courier holds the papers; handle it separately.',
          },
        });
        continue;
      }
      moved.push(
        await assignJob(
          db,
          auth,
          j.id,
          { courierId: input.toCourierId, reason: input.reason },
          { hooks: ctx.jobHooks, tx },
        ),
      );
    }
    if (input.offDuty) {
      await setOffDuty(tx, courierId);
      await announceDuty(tx, ctx.positions, {
        courierId,
        unitId: courier.unitId,
        onDuty: false,
        shiftEnd: null,
      });
    }
    return { moved, skipped };
  });
}
