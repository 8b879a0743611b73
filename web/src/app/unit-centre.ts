/** Where a unit's map opens: the post office's own position, when it has one. */
export function unitCentre(
  unit: { lat: number | null; lng: number | null } | null | undefined,
): { lat: number; lng: number } | undefined {
  return unit && unit.lat !== null && unit.lng !== null
    ? { lat: unit.lat, lng: unit.lng }
    : undefined;
}
