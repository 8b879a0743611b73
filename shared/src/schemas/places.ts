import { z } from 'zod';
import { itemList } from './common';
import {
  AddressTextSchema,
  LOCATION_SOURCES,
  Latitude,
  LocationSourceSchema,
  Longitude,
  STORED_LOCATION_SOURCES,
  limitQuery,
  searchText,
} from './fields';
import { JobSchema, JobSummarySchema } from './jobs';

/**
 * Places: the wards of the province, the post office serving each (service areas), a job's
 * position and where it came from, and the optional geocoder's suggestions.
 */

/** A ward code of the national list (5 digits). */
export const WardCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{5}$/, { error: 'Mã phường/xã gồm 5 chữ số' });

export { LOCATION_SOURCES, LocationSourceSchema, STORED_LOCATION_SOURCES };
export type LocationSource = (typeof LOCATION_SOURCES)[number];

/** A post office as a place answer names it. */
export const OfficeRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type OfficeRef = z.infer<typeof OfficeRefSchema>;

/** `GET /api/places/wards?q=&limit=`: the province's wards, `q` typed with or without diacritics. */
export const WardsQuerySchema = z.object({
  q: searchText(100),
  limit: limitQuery(200, 20),
});
export type WardsQuery = z.infer<typeof WardsQuerySchema>;

/** A ward of the province with the post office that serves it (null: none yet). */
export const WardOptionSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.string(),
  office: OfficeRefSchema.nullable(),
});
export type WardOption = z.infer<typeof WardOptionSchema>;
export const WardListSchema = itemList(WardOptionSchema);
export type WardList = z.infer<typeof WardListSchema>;

/** `GET /api/places/office-for-ward?wardCode=`. */
export const OfficeForWardQuerySchema = z.object({ wardCode: WardCodeSchema });
export const OfficeForWardSchema = z.object({ office: OfficeRefSchema.nullable() });
export type OfficeForWard = z.infer<typeof OfficeForWardSchema>;

/** One post office and the wards it serves (`GET /api/admin/service-areas`). */
export const ServiceAreaSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  wards: z.array(z.object({ code: z.string(), fullName: z.string() })),
});
export type ServiceArea = z.infer<typeof ServiceAreaSchema>;
export const ServiceAreaListSchema = itemList(ServiceAreaSchema);
export type ServiceAreaList = z.infer<typeof ServiceAreaListSchema>;

/**
 * `PUT /api/admin/units/:id/service-wards`: the office's whole new list. A ward another
 * office serves is refused (409 `ward_served_elsewhere`) unless `move` is true.
 */
export const PutServiceWardsSchema = z.object({
  wardCodes: z.array(WardCodeSchema).max(1000, { error: 'Tối đa 1000 phường/xã' }),
  move: z.boolean().optional(),
});
export type PutServiceWardsInput = z.infer<typeof PutServiceWardsSchema>;

/**
 * `PUT /api/jobs/:id/location`: pin or correct a job's place. Changing the ward does not move
 * the job to another office (the answer's `officeForWard` says which office serves it).
 * `updateCitizenAddress` also writes the place on the citizen's saved address.
 */
export const LocateJobSchema = z.object({
  lat: Latitude,
  lng: Longitude,
  source: LocationSourceSchema,
  addressText: AddressTextSchema.optional(),
  wardCode: WardCodeSchema.optional(),
  reason: z.string().trim().max(500).optional(),
  updateCitizenAddress: z.boolean().optional(),
});
export type LocateJobInput = z.infer<typeof LocateJobSchema>;

/** The job after it was placed, with where its position came from and the ward's office. */
export const LocatedJobSchema = JobSchema.extend({
  locationSource: z.enum(STORED_LOCATION_SOURCES).nullable(),
  officeForWard: OfficeRefSchema.nullable(),
});
export type LocatedJob = z.infer<typeof LocatedJobSchema>;

/** `GET /api/jobs/unplaced?unitId=`: open jobs with no position, oldest first. */
export const UnplacedJobsQuerySchema = z.object({ unitId: z.uuid().optional() });
export const UnplacedJobSchema = JobSummarySchema.extend({
  unitId: z.uuid(),
  unitName: z.string(),
  citizenName: z.string(),
  addressText: z.string(),
  wardCode: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
});
export type UnplacedJob = z.infer<typeof UnplacedJobSchema>;
export const UnplacedJobListSchema = itemList(UnplacedJobSchema);
export type UnplacedJobList = z.infer<typeof UnplacedJobListSchema>;

/** `GET /api/places/geocode?q=`: an address to look up. */
export const GeocodeQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(3, { error: 'Nhập ít nhất 3 ký tự địa chỉ' })
    .max(200, { error: 'Địa chỉ tối đa 200 ký tự' }),
});
export type GeocodeQuery = z.infer<typeof GeocodeQuerySchema>;

/** A place the geocoder suggests; shown to the user, never applied by itself. */
export const GeocodeSuggestionSchema = z.object({
  label: z.string(),
  lat: z.number(),
  lng: z.number(),
});
export type GeocodeSuggestion = z.infer<typeof GeocodeSuggestionSchema>;

/**
 * The geocoder's answer: `configured` false when the deployment has none; `unavailable` when it
 * did not answer in time (the user pins by hand).
 */
export const GeocodeResultSchema = z.object({
  configured: z.boolean(),
  unavailable: z.boolean().optional(),
  items: z.array(GeocodeSuggestionSchema),
});
export type GeocodeResult = z.infer<typeof GeocodeResultSchema>;
