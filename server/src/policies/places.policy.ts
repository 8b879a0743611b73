import { EVERY_ROLE, OFFICE, definePolicy, unitScope } from './policy';
import { ADMIN_READERS, ADMINS } from './province';

/**
 * Places: ward look-ups, the post offices' service areas, a job's pin and the list of jobs
 * with no place yet, the geocoder's suggestions.
 */
export const placesPolicy = definePolicy({
  /** The province's wards with the office serving each (address pickers, the courier's app too). */
  'places.wards': { roles: EVERY_ROLE },
  /** Address suggestions from the geocoder (the job form and the dispatcher's drawer). */
  'places.geocode': { roles: OFFICE },
  /** Which wards each post office serves; managers read them, admins change them. */
  'places.service_areas.read': { roles: ADMIN_READERS, record: unitScope },
  /** The record is the office whose list changes, and each office a moved ward leaves. */
  'places.service_areas.update': { roles: ADMINS, record: unitScope },
  /** Pin or correct a job's place (the record is the job). */
  'jobs.locate': { roles: OFFICE, record: unitScope },
  /** Open jobs with no position yet, in the caller's units. */
  'jobs.unplaced': { roles: OFFICE, record: unitScope },
});
