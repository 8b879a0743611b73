import 'leaflet/dist/leaflet.css';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.Default.css';

import type { Courier, Job } from '@tannha/shared';
import L, { type LatLngTuple } from 'leaflet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, TileLayer, Tooltip } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';

import { Alert } from '@/components/ui/feedback';
import { MAP_OPTIONS } from '@/lib/map-options';

import styles from './dispatch.module.css';

const TYPE_LETTER: Record<Job['type'], string> = {
  home_assistance: 'N',
  result_delivery: 'T',
  fee_collection: 'P',
};

const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

function jobIcon(job: Job, selected: boolean, colour: string) {
  // Letter = type (Nhận hồ sơ / Trả kết quả / thu Phí), colour = board; vectors, no image files.
  return L.divIcon({
    className: styles.markerHost!,
    html: `<span class="${styles.jobMarker} ${selected ? styles.selected : ''}" style="background:${colour}">${TYPE_LETTER[job.type]}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });
}

function courierIcon(c: Courier) {
  const initials = c.fullName
    .split(' ')
    .slice(-2)
    .map((w) => w.charAt(0))
    .join('');
  return L.divIcon({
    className: styles.markerHost!,
    html: `<span class="${styles.courierMarker} ${c.onDuty ? '' : styles.offDuty}">${initials}<b>${c.openJobs}</b></span>`,
    iconSize: [36, 36],
    iconAnchor: [18, 18],
  });
}

export type DispatchMapProps = {
  tileUrl: string;
  center: { lat: number; lng: number } | undefined;
  jobs: readonly Job[];
  couriers: readonly Courier[];
  selectedJobId: string | undefined;
  onSelectJob: (id: string) => void;
  onSelectCourier: (c: Courier) => void;
  /** Marker colour per colour-board value. */
  boardColours: Record<Job['board'], string>;
};

/**
 * Jobs (clustered when many) and couriers on a Leaflet map. Markers are HTML/vector, so the
 * map works with no tile server at all; the side list offers everything the map does for
 * keyboard and screen-reader users.
 */
export function DispatchMap(props: DispatchMapProps) {
  const { t } = useTranslation('dispatch');
  const [tilesFailed, setTilesFailed] = useState(false);
  const placedJobs = props.jobs.filter((j) => j.lat !== null && j.lng !== null);
  const placedCouriers = props.couriers.filter((c) => c.position);
  // MapContainer reads its view once, on mount.
  const [view] = useState(() => {
    if (props.center)
      return { center: [props.center.lat, props.center.lng] as LatLngTuple, zoom: 12 };
    const pts = [
      ...placedJobs.map((j) => [j.lat!, j.lng!] as LatLngTuple),
      ...placedCouriers.map((c) => [c.position!.lat, c.position!.lng] as LatLngTuple),
    ];
    return pts.length > 0
      ? { bounds: L.latLngBounds(pts), boundsOptions: { padding: [32, 32] as [number, number] } }
      : { center: [16, 106.5] as LatLngTuple, zoom: 5 };
  });
  const jobMarkers = placedJobs.map((j) => (
    <Marker
      key={j.id}
      position={[j.lat!, j.lng!]}
      icon={jobIcon(j, j.id === props.selectedJobId, props.boardColours[j.board])}
      zIndexOffset={j.id === props.selectedJobId ? 1000 : 0}
      eventHandlers={{ click: () => props.onSelectJob(j.id) }}
      title={`${j.code} · ${j.citizen.fullName}`}
    >
      <Tooltip direction="top" offset={[0, -12]}>
        {j.code} · {j.citizen.fullName}
      </Tooltip>
    </Marker>
  ));

  return (
    <div className={styles.mapWrap}>
      <MapContainer
        {...MAP_OPTIONS}
        className={styles.map}
        {...view}
        scrollWheelZoom
        aria-label={t('mapLabel')}
      >
        <TileLayer
          url={props.tileUrl}
          attribution={props.tileUrl.includes('openstreetmap') ? OSM_ATTRIBUTION : ''}
          eventHandlers={{
            tileerror: () => setTilesFailed(true),
            tileload: () => setTilesFailed(false),
          }}
        />
        <MarkerClusterGroup chunkedLoading maxClusterRadius={40} showCoverageOnHover={false}>
          {jobMarkers}
        </MarkerClusterGroup>
        {placedCouriers.map((c) => (
          <Marker
            key={c.id}
            position={[c.position!.lat, c.position!.lng]}
            icon={courierIcon(c)}
            zIndexOffset={2000}
            eventHandlers={{ click: () => props.onSelectCourier(c) }}
            title={c.fullName}
          >
            <Tooltip direction="top" offset={[0, -16]}>
              {c.fullName} · {c.onDuty ? t('couriers.onDuty') : t('couriers.offDuty')} ·{' '}
              {t('couriers.load', { count: c.openJobs })}
            </Tooltip>
          </Marker>
        ))}
      </MapContainer>
      {tilesFailed && (
        <Alert tone="warning" className={styles.notice}>
          {t('tilesUnavailable')}
        </Alert>
      )}
    </div>
  );
}
