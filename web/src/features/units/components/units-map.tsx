import 'leaflet/dist/leaflet.css';

import type { LatLngTuple } from 'leaflet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Popup, TileLayer, Tooltip } from 'react-leaflet';

import { MAP_OPTIONS } from '@/lib/map-options';

import { Alert } from '@/components/ui/feedback';

import type { Unit } from '@tannha/shared';
import styles from './units-map.module.css';

export type UnitsMapProps = {
  /** Leaflet URL template from the server's configuration. */
  tileUrl: string;
  /**
   * Where the map opens (the user's own unit). Without it the map frames all placed units, or
   * the whole country when no unit has coordinates yet.
   */
  center?: { lat: number; lng: number } | undefined;
  units: readonly Unit[];
  /** Drawn stronger than the others. */
  highlightUnitId?: string;
};

const COUNTRY_VIEW = { center: [16.0, 106.5] as LatLngTuple, zoom: 5 };
const UNIT_ZOOM = 12;

const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/**
 * Units as circle markers on a Leaflet map. Circle markers are vectors, so the map needs no
 * marker images and keeps working when the tile server cannot be reached.
 */
export function UnitsMap({ tileUrl, center, units, highlightUnitId }: UnitsMapProps) {
  const { t } = useTranslation();
  const [tilesFailed, setTilesFailed] = useState(false);
  const placed = units.filter(
    (unit): unit is Unit & { lat: number; lng: number } => unit.lat !== null && unit.lng !== null,
  );
  // MapContainer reads its view only once, on mount, so it is worked out here up front.
  const view = center
    ? { center: [center.lat, center.lng] as LatLngTuple, zoom: UNIT_ZOOM }
    : placed.length > 0
      ? {
          bounds: placed.map((unit) => [unit.lat, unit.lng] as LatLngTuple),
          boundsOptions: { padding: [32, 32] as [number, number], maxZoom: UNIT_ZOOM },
        }
      : COUNTRY_VIEW;

  return (
    <div className={styles.wrapper}>
      <MapContainer
        {...MAP_OPTIONS}
        className={styles.map}
        {...view}
        scrollWheelZoom
        aria-label={t('dispatch.mapLabel')}
      >
        <TileLayer
          url={tileUrl}
          attribution={tileUrl.includes('openstreetmap') ? OSM_ATTRIBUTION : ''}
          eventHandlers={{
            tileerror: () => setTilesFailed(true),
            tileload: () => setTilesFailed(false),
          }}
        />
        {placed.map((unit) => {
          const own = unit.id === highlightUnitId;
          return (
            <CircleMarker
              key={unit.id}
              center={[unit.lat, unit.lng]}
              radius={own ? 11 : 8}
              pathOptions={{
                color: '#ffffff',
                weight: 2,
                fillColor: own ? '#c2410c' : '#0b5394',
                fillOpacity: 0.95,
              }}
            >
              <Tooltip direction="top" offset={[0, -8]}>
                {unit.name}
              </Tooltip>
              <Popup>
                <span className={styles.popupName}>{unit.name}</span>
                {own && <em>{t('dispatch.ownUnit')}</em>}
                {unit.address && <div>{unit.address}</div>}
              </Popup>
            </CircleMarker>
          );
        })}
      </MapContainer>
      {tilesFailed && (
        <Alert tone="warning" className={styles.notice}>
          {t('dispatch.tilesUnavailable')}
        </Alert>
      )}
    </div>
  );
}
