/**
 * Socket events: names and payloads, shared by the server (emitters) and the web client
 * (listeners). Server → client events are in {@link ServerToClientEvents}, client → server
 * (with an acknowledgement callback) in {@link ClientToServerEvents}.
 */
import type { Job } from './schemas/jobs';
import type { PositionInput } from './schemas/couriers';
import type { PlansCommittedPayload } from './schemas/plans';
import type { IntakeProgressPayload } from './schemas/intake';

export const SOCKET_EVENTS = {
  /** A job was created or changed (server → dispatchers of its unit and above, operators, managers, and its courier). */
  jobsUpdated: 'jobs.updated',
  /** A courier's position (server → dispatchers/managers of the courier's unit and above). */
  couriersMoved: 'couriers.moved',
  /** A courier went on or off duty. */
  couriersDuty: 'couriers.duty',
  /** First message after connecting: the current catch-up cursor. */
  hello: 'hello',
  /** Courier → server: one position (acknowledged). */
  couriersPosition: 'couriers.position',
  /** Client → server: what changed since a cursor (acknowledged). */
  jobsSync: 'jobs.sync',
} as const;

/** `jobs.updated` payload. `cursor` is the id of the job event that caused it; keep the highest seen for {@link JobsSyncRequest}. */
export type JobsUpdatedPayload = {
  cursor: number;
  /** The event kind: created, transition, assign, unassign, reassign. */
  kind: string;
  /** The job after the change (citizen phone masked). */
  job: Job;
  /** A courier who no longer holds the job (after reassign/unassign); their screens drop it. */
  previousCourierId?: string | null;
};

/** `couriers.moved` payload. */
export type CouriersMovedPayload = {
  courierId: string;
  unitId: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  /** When the phone took the fix (ISO). */
  at: string;
  /** When the server accepted it (ms since epoch), for latency measurement. */
  serverAt: number;
};

/** `couriers.duty` payload. */
export type CouriersDutyPayload = {
  courierId: string;
  unitId: string;
  onDuty: boolean;
  shiftEnd: string | null;
};

/** `hello` payload: the newest job-event id, to resume from after a reconnect. */
export type HelloPayload = { cursor: number; userId: string };

/** `couriers.position` request (the same shape as one HTTP fix). */
export type CourierPositionRequest = PositionInput;
/** `couriers.position` acknowledgement. */
export type CourierPositionAck =
  { ok: true; flagged: boolean } | { ok: false; code: string; message: string };

/** `jobs.sync` request: the highest `cursor` the client has seen. */
export type JobsSyncRequest = { since: number };
/**
 * `jobs.sync` acknowledgement: the jobs the caller may see that changed after `since`
 * (latest state of each), and the new cursor. `truncated` means there were more than
 * the server sends at once: refetch lists instead.
 */
export type JobsSyncResponse =
  | { ok: true; cursor: number; jobs: Job[]; truncated: boolean }
  | { ok: false; code: string; message: string };

export type ServerToClientEvents = {
  'jobs.updated': (p: JobsUpdatedPayload) => void;
  'couriers.moved': (p: CouriersMovedPayload) => void;
  'couriers.duty': (p: CouriersDutyPayload) => void;
  hello: (p: HelloPayload) => void;
  'plans.committed': (p: PlansCommittedPayload) => void;
  /** How far a running results import is (to the importing user only). */
  'intake.progress': (p: IntakeProgressPayload) => void;
};

export type ClientToServerEvents = {
  'couriers.position': (p: CourierPositionRequest, ack: (r: CourierPositionAck) => void) => void;
  'jobs.sync': (p: JobsSyncRequest, ack: (r: JobsSyncResponse) => void) => void;
};
