import 'leaflet/dist/leaflet.css';

import type { Job } from '@tannha/shared';
import type { LatLngBoundsExpression } from 'leaflet';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip } from 'react-leaflet';

import { MAP_OPTIONS } from '@/lib/map-options';

import styles from './courier.module.css';

/**
 * Today's stops on a map, numbered in planned order and joined by a line. Circle markers are
 * vectors: the map still shows the stops with no tiles (offline).
 */
export function JobsMap({
  jobs,
  tileUrl,
  here,
}: {
  jobs: Job[];
  tileUrl: string;
  here: { lat: number; lng: number } | null;
}) {
  const placed = jobs.filter(
    (j): j is Job & { lat: number; lng: number } => j.lat !== null && j.lng !== null,
  );
  const points = placed.map((j) => [j.lat, j.lng] as [number, number]);
  if (here) points.unshift([here.lat, here.lng]);
  if (points.length === 0) return null;
  const bounds: LatLngBoundsExpression = points.length === 1 ? [points[0]!, points[0]!] : points;
  return (
    <MapContainer
      {...MAP_OPTIONS}
      className={styles.map}
      bounds={bounds}
      boundsOptions={{ padding: [24, 24], maxZoom: 15 }}
      scrollWheelZoom={false}
    >
      <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" />
      <Polyline
        positions={placed.map((j) => [j.lat, j.lng] as [number, number])}
        pathOptions={{ color: '#0b5394', weight: 3, opacity: 0.6 }}
      />
      {placed.map((j, i) => (
        <CircleMarker
          key={j.id}
          center={[j.lat, j.lng]}
          radius={11}
          pathOptions={{ color: '#073763', fillColor: '#0b5394', fillOpacity: 0.9 }}
        >
          <Tooltip permanent direction="center" className={styles.mapLabel}>
            {j.routeOrder ?? i + 1}
          </Tooltip>
        </CircleMarker>
      ))}
      {here && (
        <CircleMarker
          center={[here.lat, here.lng]}
          radius={7}
          pathOptions={{ color: '#f2a900', fillColor: '#f2a900', fillOpacity: 1 }}
        />
      )}
    </MapContainer>
  );
}
