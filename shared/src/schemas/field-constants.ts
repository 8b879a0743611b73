/**
 * The plain values behind the shared fields (patterns, bounds, lists), apart from zod so a
 * screen that only needs a value does not load the schema library.
 */

/** A local time of day, HH:mm from 00:00 to 23:59. */
export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** No record of this product starts before 2020: an earlier instant is a wrong clock or a typo. */
export const EARLIEST_INSTANT_MS = Date.UTC(2020, 0, 1);

/** How long after the fact an operator may still log a call (a paper log typed in later). */
export const CALL_MAX_AGE_DAYS = 30;

/** How far back an appointment window may start (a window set this morning, edited tonight). */
export const WINDOW_MAX_PAST_MS = DAY_MS;

/** How far ahead an appointment window may be booked. */
export const WINDOW_MAX_AHEAD_DAYS = 366;

/** Where a position came from, as a person sets it (a job's pin, a saved address). */
export const LOCATION_SOURCES = ['pinned', 'geocoded', 'saved_address'] as const;
/** Every stored source: results that came with a position from the one-stop system are `imported`. */
export const STORED_LOCATION_SOURCES = [...LOCATION_SOURCES, 'imported'] as const;
