import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { MapPinPicker, type LatLng } from '@/components/ui/map-pin-picker';
import { useGeocode } from '@/lib/queries/places';

import { fullAddressOf, type JobDraft } from '../utils/drafts';
import styles from './operator-console.module.css';

/** What the job form needs to draw a map and ask for suggestions. */
export type PlaceSettings = {
  /** Leaflet URL template from the server's configuration. */
  tileUrl: string;
  /** Whether the server has a geocoder to suggest positions. */
  geocoder: boolean;
  /** Where the map opens without a pin (the operator's unit). */
  centre?: LatLng | undefined;
};

/**
 * The job's position: a summary, the pin picker (open when there is no pin yet, or on demand),
 * the geocoder's suggestions when one exists, and whether to keep the address for the caller.
 */
export function JobPinFields({
  job,
  onChange,
  places,
  officeCentre,
}: {
  job: JobDraft;
  onChange: (patch: Partial<JobDraft>) => void;
  places: PlaceSettings | undefined;
  /** Where the ward's office sits: the map opens there rather than at the operator's unit. */
  officeCentre: LatLng | undefined;
}) {
  const { t } = useTranslation('operator');
  const pin = job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;
  const open = job.pinOpen || pin === null;
  return (
    <fieldset className={styles.pinBox}>
      <legend>{t('place.position')}</legend>
      <p className={styles.muted} role="status">
        {pin
          ? t('place.pinnedFrom', {
              lat: pin.lat.toFixed(5),
              lng: pin.lng.toFixed(5),
              source: t(`place.source.${job.locationSource}`),
            })
          : t('job.noPin')}{' '}
        {pin && (
          <Button variant="ghost" onClick={() => onChange({ pinOpen: !job.pinOpen })}>
            {job.pinOpen ? t('place.hideMap') : t('place.editPin')}
          </Button>
        )}
      </p>
      {places?.geocoder && <GeocodeSuggestions job={job} onChange={onChange} />}
      {open && places && (
        <MapPinPicker
          id="job-pin"
          tileUrl={places.tileUrl}
          value={pin}
          centre={officeCentre ?? places.centre}
          onChange={(p) =>
            // The picker stays open while the pin is being placed or typed.
            onChange({
              lat: p?.lat ?? null,
              lng: p?.lng ?? null,
              locationSource: 'pinned',
              pinOpen: true,
            })
          }
        />
      )}
      <Checkbox
        className={styles.check}
        label={t('place.saveAddress')}
        checked={job.saveAddress}
        onChange={(saveAddress) => onChange({ saveAddress })}
      />
    </fieldset>
  );
}

/** "Gợi ý vị trí": the geocoder's answers for the typed address; one click sets the pin. */
function GeocodeSuggestions({
  job,
  onChange,
}: {
  job: JobDraft;
  onChange: (patch: Partial<JobDraft>) => void;
}) {
  const { t } = useTranslation('operator');
  const [asked, setAsked] = useState('');
  const answer = useGeocode(asked);
  const address = fullAddressOf(job);
  const items = answer.data?.items ?? [];
  return (
    <div className={styles.suggestions}>
      <Button variant="secondary" disabled={address.length < 3} onClick={() => setAsked(address)}>
        {t('place.suggest')}
      </Button>
      {asked && answer.isFetching && <span className={styles.muted}>{t('place.suggesting')}</span>}
      {asked && answer.data?.unavailable && (
        <span className={styles.warn}>{t('place.geocoderDown')}</span>
      )}
      {asked && answer.data && !answer.data.unavailable && items.length === 0 && (
        <span className={styles.muted}>{t('place.noSuggestion')}</span>
      )}
      {items.length > 0 && (
        <ul className={styles.suggestionList} aria-label={t('place.suggestions')}>
          {items.map((s) => (
            <li key={`${s.lat},${s.lng}`}>
              <Button
                variant="ghost"
                onClick={() =>
                  onChange({ lat: s.lat, lng: s.lng, locationSource: 'geocoded', pinOpen: true })
                }
              >
                {s.label}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
