import type { GeocodeResult, WardList, WardOption } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '../api-client';

// Places are read by the operator console (ward, office, geocoder suggestions) and the jobs and
// dispatch screens (pinning a job); features may not import each other, so the fetchers, query
// options and their key factory live here, once.

/** A ward of the province with the post office serving it (null when none does yet). */
export type Ward = WardOption;

/** Query keys for places; everything lives under `['places']`. */
export const placeKeys = {
  all: ['places'] as const,
  wards: (q: string, limit: number) => [...placeKeys.all, 'wards', { q, limit }] as const,
  geocode: (q: string) => [...placeKeys.all, 'geocode', q] as const,
};

/** How many wards a search lists. */
export const WARD_LIMIT = 20;

/** `GET /api/places/wards?q=`: wards of the province, diacritic- and case-insensitive. */
export async function getWards(q: string, limit = WARD_LIMIT, signal?: AbortSignal) {
  const { items } = await apiClient.get<WardList>('/api/places/wards', {
    query: { q: q || undefined, limit },
    signal,
  });
  return items;
}

/** `GET /api/places/geocode?q=`: suggestions only, never applied by the server. */
export function getGeocode(q: string, signal?: AbortSignal) {
  return apiClient.get<GeocodeResult>('/api/places/geocode', { query: { q }, signal });
}

/** Wards matching a search; wards change with an admin's edit, so they stay fresh a while. */
export function wardsQueryOptions(q: string, limit = WARD_LIMIT) {
  return queryOptions({
    queryKey: placeKeys.wards(q, limit),
    queryFn: ({ signal }) => getWards(q, limit, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Geocoder suggestions for an address; asked only when the user presses the button. */
export function geocodeQueryOptions(q: string) {
  return queryOptions({
    queryKey: placeKeys.geocode(q),
    queryFn: ({ signal }) => getGeocode(q, signal),
    enabled: q.trim().length >= 3,
    staleTime: 10 * 60_000,
    retry: false,
  });
}

/** Wards matching a search (`GET /api/places/wards`). */
export const useWards = (q: string, limit = WARD_LIMIT) => useQuery(wardsQueryOptions(q, limit));

/** Most wards a province has (Đồng Nai: 95 since 2025): the whole list in one answer. */
const ALL_WARDS = 200;

/** A ward's full name from its code (the province's list, fetched once and kept). */
export function useWardName(code: string | null | undefined): string | undefined {
  const all = useQuery({ ...wardsQueryOptions('', ALL_WARDS), enabled: Boolean(code) });
  return code ? all.data?.find((w) => w.code === code)?.fullName : undefined;
}

/** Geocoder suggestions; `q` empty keeps the query idle. */
export const useGeocode = (q: string) => useQuery(geocodeQueryOptions(q));

/** Vietnam's extent, islands included: a pin outside it is a typo. */
export const VIETNAM_BOUNDS = { minLat: 8, maxLat: 23.5, minLng: 102, maxLng: 117.5 } as const;

/** Whether a point lies within Vietnam's extent. */
export function inVietnam(lat: number, lng: number): boolean {
  const b = VIETNAM_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}
