/**
 * Options every Leaflet map of the app shares. No zoom animation: Leaflet 1.9 finishes a zoom
 * animation from a 250 ms timer that outlives `map.remove()`, so a map unmounted mid-zoom (a
 * drawer closed, a screen left right after a pin or a fit) threw "_leaflet_pos of undefined".
 * Without the animation a zoom is one step, which also spares phones and slow desks.
 */
export const MAP_OPTIONS = { zoomAnimation: false } as const;
