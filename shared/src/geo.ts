/** A point on the map (WGS 84 degrees). */
export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_KM = 6371.0088;

/** Streets are longer than the straight line: road distance ≈ great-circle × this factor. */
export const ROAD_FACTOR = 1.3;
/** A courier's average door-to-door speed in town (motorbike), km/h, for arrival estimates. */
export const TOWN_SPEED_KMH = 25;
/** No arrival estimate is shorter than this: parking, finding the house, the stairs. */
export const MIN_ARRIVAL_MINUTES = 5;

/** Great-circle distance between two points, km (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in metres. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  return haversineKm(a, b) * 1000;
}

/**
 * Minutes a courier needs from `from` to `to` in town: great-circle × road factor at the town
 * speed, never under {@link MIN_ARRIVAL_MINUTES}. The one estimate behind the citizen's SMS
 * and the tracking page, so both say the same.
 */
export function arrivalMinutes(from: LatLng, to: LatLng): number {
  const km = haversineKm(from, to) * ROAD_FACTOR;
  return Math.max(MIN_ARRIVAL_MINUTES, Math.round((km / TOWN_SPEED_KMH) * 60));
}
