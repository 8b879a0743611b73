import { z } from 'zod';
import { LatLngSchema, Latitude, Longitude, QueryBoolean, UnitRefShape, localTime } from './fields';

/**
 * Couriers: positions, duty status and the dispatcher's courier list (`/api/couriers`).
 */

/** How far ahead of the server clock a phone's timestamp may be (clock drift), ms. */
export const POSITION_FUTURE_TOLERANCE_MS = 60_000;
/** Speeds above this between two fixes are flagged as implausible, km/h. */
export const POSITION_MAX_PLAUSIBLE_KMH = 150;

/** One GPS fix from a courier's phone. `at` is when the phone took it (ISO 8601). */
export const PositionSchema = z.object({
  lat: Latitude,
  lng: Longitude,
  /** Metres, as the phone reports it. */
  accuracy: z.number().min(0).max(100_000).nullish(),
  at: z.iso.datetime({ offset: true, error: 'Thời điểm phải theo dạng ISO 8601' }),
});
export type PositionInput = z.infer<typeof PositionSchema>;

/** `POST /api/couriers/me/positions`: one fix, or a batch collected while offline (oldest first). */
export const PostPositionsSchema = z.union([
  PositionSchema,
  z.object({
    positions: z.array(PositionSchema).min(1).max(500, { error: 'Tối đa 500 vị trí một lần' }),
  }),
]);
export type PostPositionsInput = z.infer<typeof PostPositionsSchema>;

/** What the server did with a batch of fixes. */
export const PostPositionsResultSchema = z.object({
  accepted: z.number().int(),
  /** Fixes accepted but marked implausible (speed above the limit); not used as the last position. */
  flagged: z.number().int(),
});
export type PostPositionsResult = z.infer<typeof PostPositionsResultSchema>;

/** `POST /api/couriers/me/duty`: start or end a shift. */
export const SetDutySchema = z.object({
  onDuty: z.boolean(),
  /** Local time the shift ends (HH:mm); default 17:30. */
  shiftEnd: localTime('17:00').optional(),
});
export type SetDutyInput = z.infer<typeof SetDutySchema>;

/** A courier's last known position. */
export const CourierPositionSchema = LatLngSchema.extend({
  accuracy: z.number().nullable(),
  at: z.string(),
});
export type CourierPosition = z.infer<typeof CourierPositionSchema>;

/** A courier as dispatchers see them (`GET /api/couriers`). */
export const CourierSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  ...UnitRefShape,
  onDuty: z.boolean(),
  onDutySince: z.string().nullable(),
  shiftEnd: z.string().nullable(),
  position: CourierPositionSchema.nullable(),
  /** Jobs assigned and not finished. */
  openJobs: z.number().int(),
});
export type Courier = z.infer<typeof CourierSchema>;

export const CourierListQuerySchema = z.object({
  unitId: z.uuid().optional(),
  onDuty: QueryBoolean,
});
export type CourierListQuery = z.infer<typeof CourierListQuerySchema>;
