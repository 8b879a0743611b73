import { z } from 'zod';

import { CLOCK_SKEW_MS, isDateString } from '../time';

import {
  CALL_MAX_AGE_DAYS,
  EARLIEST_INSTANT_MS,
  HHMM_RE,
  LOCATION_SOURCES,
  WINDOW_MAX_AHEAD_DAYS,
  WINDOW_MAX_PAST_MS,
} from './field-constants';

// The plain values live apart from zod so a screen that only needs a value does not load it.
export * from './field-constants';

const DAY_MS = 24 * 3_600_000;

/**
 * Field definitions and field groups that several request or response schemas share. A field
 * is defined here when it means the same thing everywhere it appears, so that a change to its
 * rule (a range, a message) reaches every form and answer at once.
 */

/** A local date (Asia/Ho_Chi_Minh) as YYYY-MM-DD, checked to be a real day. */
export const localDate = (error: string) => z.string().refine(isDateString, { error });

/** A date as YYYY-MM-DD in the manager's report and cash queries, checked to be a real day. */
export const DateString = localDate(
  'Ngày không có thật hoặc sai dạng YYYY-MM-DD / not a real date as YYYY-MM-DD',
);

/** A local time of day; `example` is shown in the message (e.g. `17:00`). */
export const localTime = (example: string) =>
  z.string().regex(HHMM_RE, { error: `Giờ theo dạng HH:mm, ví dụ ${example}` });

/** An instant sent by a phone or a form: ISO 8601 with an offset. */
export const isoInstant = (error: string) => z.iso.datetime({ offset: true, error });

/** When a field action happened on the phone (`occurredAt`): ISO 8601 with an offset. Its
 * bounds (the job's creation, the offline window) need the job and a setting, so the server
 * checks them (`lib/action-time.ts`) and answers each with its own code. */
export const FieldInstant = isoInstant('Thời điểm không hợp lệ (ISO 8601)');

/**
 * An instant between `pastMs` before now and `aheadMs` after it (never before 2020), each end
 * with its own message. Read against the clock at the moment of checking, on either side.
 */
export const instantWithin = (
  bounds: { pastMs: number; aheadMs: number },
  errors: { invalid: string; tooEarly: string; tooLate: string },
) =>
  isoInstant(errors.invalid).superRefine((value, ctx) => {
    const t = Date.parse(value);
    const now = Date.now();
    if (t < Math.max(EARLIEST_INSTANT_MS, now - bounds.pastMs)) {
      ctx.addIssue({ code: 'custom', message: errors.tooEarly });
    } else if (t > now + bounds.aheadMs) {
      ctx.addIssue({ code: 'custom', message: errors.tooLate });
    }
  });

/**
 * When a call started, as an operator types it: not in the future beyond the clock skew, and
 * not more than `CALL_MAX_AGE_DAYS` ago.
 */
export const CallInstant = instantWithin(
  { pastMs: CALL_MAX_AGE_DAYS * DAY_MS, aheadMs: CLOCK_SKEW_MS },
  {
    invalid: 'Thời điểm không hợp lệ',
    tooEarly: `Cuộc gọi chỉ được ghi trong vòng ${CALL_MAX_AGE_DAYS} ngày`,
    tooLate: 'Thời điểm cuộc gọi nằm trong tương lai. Kiểm tra giờ trên máy',
  },
);

/**
 * One end of an appointment window: from a day ago (a window already begun may be resent)
 * to `WINDOW_MAX_AHEAD_DAYS` ahead.
 */
export const WindowInstant = instantWithin(
  { pastMs: WINDOW_MAX_PAST_MS, aheadMs: WINDOW_MAX_AHEAD_DAYS * DAY_MS },
  {
    invalid: 'Thời điểm phải theo dạng ISO 8601, ví dụ 2026-03-15T09:30:00+07:00',
    tooEarly: 'Giờ hẹn đã qua. Hãy chọn giờ hẹn từ hôm nay',
    tooLate: `Giờ hẹn quá xa, tối đa ${WINDOW_MAX_AHEAD_DAYS} ngày tới`,
  },
);

/** Latitude in degrees; the message names the range (GPS fixes, job pins). */
export const Latitude = z
  .number()
  .min(-90, { error: 'Vĩ độ phải trong khoảng -90…90' })
  .max(90, { error: 'Vĩ độ phải trong khoảng -90…90' });

/** Longitude in degrees; the message names the range (GPS fixes, job pins). */
export const Longitude = z
  .number()
  .min(-180, { error: 'Kinh độ phải trong khoảng -180…180' })
  .max(180, { error: 'Kinh độ phải trong khoảng -180…180' });

/** Latitude in degrees, with the library's range message (address and field forms). */
export const LatitudeRange = z.number().min(-90).max(90);

/** Longitude in degrees, with the library's range message (address and field forms). */
export const LongitudeRange = z.number().min(-180).max(180);

/** A map pin a form may leave out. */
export const OptionalPinShape = {
  lat: LatitudeRange.optional(),
  lng: LongitudeRange.optional(),
};

/** A point on the map as the API returns it. */
export const LatLngSchema = z.object({ lat: z.number(), lng: z.number() });

/** A stored map pin: null when the place was never located. */
export const StoredPinShape = {
  lat: z.number().nullable(),
  lng: z.number().nullable(),
};

/** An address as the API returns it: free text, the ward (after the 2025 reform), a pin. */
export const StoredAddressShape = {
  addressText: z.string(),
  wardCode: z.string().nullable(),
  ...StoredPinShape,
};

/** The street address a citizen or operator types (at least a house number and a street). */
export const AddressTextSchema = z.string().trim().min(5, { error: 'Địa chỉ quá ngắn' }).max(300);

/** The appointment window of a job as the API returns it (ISO instants; null when open). */
export const StoredWindowShape = {
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
};

/** The unit someone or something belongs to, with its name for display. */
export const UnitRefShape = {
  unitId: z.uuid(),
  unitName: z.string(),
};

/** A courier as a shift, a route or a cash count names them, with their unit's name. */
export const CourierRefShape = {
  courierId: z.uuid(),
  courierName: z.string(),
  unitName: z.string(),
};

/**
 * When a field step happened and when the server learnt of it: a phone working offline sends
 * its steps later, so the two may be hours apart.
 */
export const FieldTimesShape = {
  /** When it happened (on the phone). */
  occurredAt: z.string(),
  /** When the server recorded it. */
  recordedAt: z.string(),
};

/** A yes/no query parameter: `true`/`1` or `false`/`0`; left out means no filter. */
export const QueryBoolean = z
  .preprocess(
    (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
    z.boolean(),
  )
  .optional();

/** `?limit=` of a list without pages: at least 1, at most `max`, `fallback` when left out. */
export const limitQuery = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** Words to search for (`?q=`), trimmed, at most `max` characters. */
export const searchText = (max: number) => z.string().trim().max(max).optional();

/** Any written form of a phone number to filter by (`0912.345.678`, `84912…`); matched on E.164. */
export const PhoneFilter = z.string().trim().max(30).optional();

/** A position's source in a request. */
export const LocationSourceSchema = z.enum(LOCATION_SOURCES, {
  error: 'Nguồn vị trí là pinned, geocoded hoặc saved_address',
});
