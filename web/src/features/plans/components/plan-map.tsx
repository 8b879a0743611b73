import 'leaflet/dist/leaflet.css';

import type { Plan } from '@tannha/shared';
import L, { type LatLngTuple } from 'leaflet';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';

import { MAP_OPTIONS } from '@/lib/map-options';

import { Alert } from '@/components/ui/feedback';

import styles from './plans.module.css';

/** Distinct colours, readable on the map and as text on white. */
export const ROUTE_COLOURS = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#ad1457',
  '#4e342e',
  '#283593',
  '#558b2f',
  '#d84315',
  '#37474f',
];
export const routeColour = (i: number) => ROUTE_COLOURS[i % ROUTE_COLOURS.length]!;

function stopIcon(n: number, colour: string, broken: boolean) {
  return L.divIcon({
    className: styles.markerHost!,
    html: `<span class="${styles.stopMarker} ${broken ? styles.stopBroken : ''}" style="background:${colour}">${n}</span>`,
    iconSize: [24, 24],
    iconAnchor: [12, 12],
  });
}

function FitTo({ points }: { points: LatLngTuple[] }) {
  const map = useMap();
  const key = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [32, 32] });
    // Refit when the set of places changes, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, map]);
  return null;
}

/** One coloured polyline per courier (start → stops → end) with numbered stops; red rings mark broken stops. */
export function PlanMap({
  plan,
  tileUrl,
  center,
}: {
  plan: Plan | undefined;
  tileUrl: string;
  center: { lat: number; lng: number } | undefined;
}) {
  const { t } = useTranslation('plans');
  const [tilesFailed, setTilesFailed] = useState(false);
  const routes = plan?.routes ?? [];
  const points: LatLngTuple[] = routes.flatMap((r) =>
    r.stops.length > 0
      ? [
          [r.start.lat, r.start.lng] as LatLngTuple,
          ...r.stops.map((s) => [s.lat, s.lng] as LatLngTuple),
        ]
      : [],
  );
  return (
    <div className={styles.mapWrap} role="region" aria-label={t('mapLabel')}>
      {tilesFailed && <Alert tone="warning">{t('tilesUnavailable')}</Alert>}
      <MapContainer
        {...MAP_OPTIONS}
        className={styles.map}
        center={center ? [center.lat, center.lng] : [10.95, 106.84]}
        zoom={12}
        scrollWheelZoom
      >
        <TileLayer url={tileUrl} eventHandlers={{ tileerror: () => setTilesFailed(true) }} />
        <FitTo points={points} />
        {routes.map((r, i) =>
          r.stops.length === 0 ? null : (
            <Polyline
              key={`line-${r.courierId}`}
              positions={[
                [r.start.lat, r.start.lng],
                ...r.stops.map((s) => [s.lat, s.lng] as LatLngTuple),
                [r.end.lat, r.end.lng],
              ]}
              className={`plan-route plan-route-${r.courierId}`}
              pathOptions={{ color: routeColour(i), weight: 4, opacity: 0.85 }}
            />
          ),
        )}
        {routes.flatMap((r, i) =>
          r.stops.map((s, k) => (
            <Marker
              key={`${r.courierId}-${s.jobId}`}
              position={[s.lat, s.lng]}
              icon={stopIcon(k + 1, routeColour(i), s.violations.length > 0)}
              keyboard={false}
            >
              <Tooltip>
                {r.courierName} · {k + 1}. {s.code}
              </Tooltip>
            </Marker>
          )),
        )}
      </MapContainer>
    </div>
  );
}
