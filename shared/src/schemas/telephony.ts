import { z } from 'zod';
import { createPhoneSchema } from '../phone';
import { CitizenAddressSchema, CitizenCallSummarySchema, CitizenSchema } from './citizens';
import { JobSummarySchema } from './jobs';

/** Dev control: drive the voice webhook as if Twilio called it (only without credentials). */
export const SimulateCallSchema = z.object({
  from: createPhoneSchema({ allowShort: false }),
  /** Which hotline line was dialled (selects the unit); defaults to the main line. */
  to: z.string().trim().max(20).optional(),
  /** Pretend the call arrives out of office hours. */
  outOfHours: z.boolean().optional(),
});
export type SimulateCallInput = z.infer<typeof SimulateCallSchema>;

/**
 * The screen pop (`calls.incoming`), sent to the unit's operators. Phone numbers of
 * others are masked; the caller's own number is whole (the operator calls back on it).
 */
export const IncomingCallEventSchema = z.object({
  callId: z.uuid(),
  ticketCode: z.string(),
  callerPhone: z.string(),
  startedAt: z.string(),
  outOfHours: z.boolean(),
  citizen: CitizenSchema.pick({ id: true, fullName: true, unitId: true })
    .extend({ addresses: z.array(CitizenAddressSchema.omit({ label: true })) })
    .nullable(),
  lastCalls: z.array(CitizenCallSummarySchema.omit({ direction: true, jobId: true })),
  openJobs: z.array(JobSummarySchema),
});
export type IncomingCallEvent = z.infer<typeof IncomingCallEventSchema>;

export const SimulateCallResultSchema = z.object({
  callId: z.uuid(),
  ticketCode: z.string(),
  twiml: z.string(),
});
export type SimulateCallResult = z.infer<typeof SimulateCallResultSchema>;
