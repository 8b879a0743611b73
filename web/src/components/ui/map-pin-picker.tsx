import 'leaflet/dist/leaflet.css';

import L, { type LatLngTuple } from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';

import { MAP_OPTIONS } from '@/lib/map-options';

import { inVietnam, VIETNAM_BOUNDS } from '@/lib/queries/places';

import { Button } from './button';
import styles from './places.module.css';

/** A point on the map. */
export type LatLng = { lat: number; lng: number };

export type MapPinPickerProps = {
  /** Leaflet URL template from the server's configuration. */
  tileUrl: string;
  /** The pin, or null when there is none yet. */
  value: LatLng | null;
  /** Called with the new pin (a click, a drag, typed coordinates) or null ("Xóa ghim"). */
  onChange: (pin: LatLng | null) => void;
  /** Where the map opens without a pin: the ward's office or the user's unit. */
  centre?: LatLng | undefined;
  /** Prefix of the inputs' ids (tests and labels); one is made up when left out. */
  id?: string;
};

const PROVINCE_VIEW: LatLngTuple = [10.95, 106.85];
const PIN_ZOOM = 16;
const CENTRE_ZOOM = 13;
const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

const pinIcon = () =>
  L.divIcon({
    className: styles.pinHost!,
    html: `<span class="${styles.pin}"></span>`,
    iconSize: [26, 26],
    iconAnchor: [13, 26],
  });

/** Clicks on the map place the pin. */
function ClickToPin({ onPin }: { onPin: (p: LatLng) => void }) {
  useMapEvents({ click: (e) => onPin({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

/** Brings a pin set from outside (typed, suggested) into view; without one, the new centre. */
function FollowPin({ pin, centre }: { pin: LatLng | null; centre: LatLng | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (pin && !map.getBounds().contains([pin.lat, pin.lng]))
      map.setView([pin.lat, pin.lng], Math.max(map.getZoom(), PIN_ZOOM));
  }, [map, pin]);
  const lat = centre?.lat;
  const lng = centre?.lng;
  useEffect(() => {
    // A ward chosen after the map opened moves it to the office serving that ward.
    if (lat !== undefined && lng !== undefined && !pin) map.setView([lat, lng], CENTRE_ZOOM);
    // Only a new centre moves the map, not a pin being cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, lat, lng]);
  return null;
}

/** Rounds to about a metre, the precision a pin on a phone map has. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A pin on a Leaflet map: a click places it, a drag moves it; beside the map, latitude and
 * longitude inputs do the same from the keyboard (checked against Vietnam's extent). The
 * marker is HTML, so the picker works without tiles (offline, tests).
 */
export function MapPinPicker({ tileUrl, value, onChange, centre, ...props }: MapPinPickerProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = props.id ?? ownId;
  const [tilesFailed, setTilesFailed] = useState(false);
  const [view] = useState(() => {
    const c = value ?? centre;
    return c
      ? { center: [c.lat, c.lng] as LatLngTuple, zoom: value ? PIN_ZOOM : CENTRE_ZOOM }
      : { center: PROVINCE_VIEW, zoom: 11 };
  });
  const place = (p: LatLng) => onChange({ lat: round(p.lat), lng: round(p.lng) });

  return (
    <div className={styles.picker}>
      <div className={styles.mapFrame}>
        <MapContainer
          {...MAP_OPTIONS}
          className={styles.map}
          {...view}
          scrollWheelZoom
          keyboard={false}
          aria-label={t('places.mapLabel')}
        >
          <TileLayer
            url={tileUrl}
            attribution={tileUrl.includes('openstreetmap') ? OSM_ATTRIBUTION : ''}
            eventHandlers={{
              tileerror: () => setTilesFailed(true),
              tileload: () => setTilesFailed(false),
            }}
          />
          <ClickToPin onPin={place} />
          <FollowPin pin={value} centre={centre} />
          {value && (
            <Marker
              position={[value.lat, value.lng]}
              icon={pinIcon()}
              draggable
              title={t('places.pin')}
              eventHandlers={{
                dragend: (e) => place((e.target as L.Marker).getLatLng()),
              }}
            />
          )}
        </MapContainer>
      </div>
      <p className={styles.muted}>
        {t('places.pinHint')} {tilesFailed && t('places.tilesUnavailable')}
      </p>
      <CoordinateInputs id={id} value={value} onChange={onChange} />
    </div>
  );
}

/** Latitude and longitude typed in: the keyboard's way to place the pin. */
function CoordinateInputs({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LatLng | null;
  onChange: (pin: LatLng | null) => void;
}) {
  const { t } = useTranslation();
  const text = (p: LatLng | null) => ({
    lat: p ? String(p.lat) : '',
    lng: p ? String(p.lng) : '',
  });
  const [typed, setTyped] = useState(() => text(value));
  const [shown, setShown] = useState(value);
  if (value?.lat !== shown?.lat || value?.lng !== shown?.lng) {
    // The pin moved on the map (or was cleared): the inputs follow it.
    setShown(value);
    setTyped(text(value));
  }
  const error = coordinateError(typed.lat, typed.lng);
  const update = (patch: Partial<typeof typed>) => {
    const next = { ...typed, ...patch };
    setTyped(next);
    if (coordinateError(next.lat, next.lng) === null && next.lat !== '' && next.lng !== '') {
      const pin = { lat: Number(next.lat), lng: Number(next.lng) };
      setShown(pin);
      onChange(pin);
    }
  };
  const b = VIETNAM_BOUNDS;
  return (
    <div className={styles.coords}>
      <div className={styles.field}>
        <label htmlFor={`${id}-lat`} className={styles.label}>
          {t('places.lat')}
        </label>
        <input
          id={`${id}-lat`}
          className={styles.input}
          type="number"
          step="any"
          min={b.minLat}
          max={b.maxLat}
          inputMode="decimal"
          value={typed.lat}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-coords-error` : undefined}
          onChange={(e) => update({ lat: e.target.value })}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-lng`} className={styles.label}>
          {t('places.lng')}
        </label>
        <input
          id={`${id}-lng`}
          className={styles.input}
          type="number"
          step="any"
          min={b.minLng}
          max={b.maxLng}
          inputMode="decimal"
          value={typed.lng}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-coords-error` : undefined}
          onChange={(e) => update({ lng: e.target.value })}
        />
      </div>
      <Button variant="ghost" onClick={() => onChange(null)} disabled={!value}>
        {t('places.clearPin')}
      </Button>
      {error && (
        <span id={`${id}-coords-error`} className={styles.error} role="alert">
          {t(`places.${error}`)}
        </span>
      )}
    </div>
  );
}

/** What is wrong with typed coordinates, as a message key; null when they make a pin (or are both empty). */
function coordinateError(
  lat: string,
  lng: string,
): 'coordsBoth' | 'coordsNumber' | 'coordsOutside' | null {
  if (lat === '' && lng === '') return null;
  if (lat === '' || lng === '') return 'coordsBoth';
  const la = Number(lat);
  const ln = Number(lng);
  if (!Number.isFinite(la) || !Number.isFinite(ln)) return 'coordsNumber';
  return inVietnam(la, ln) ? null : 'coordsOutside';
}
