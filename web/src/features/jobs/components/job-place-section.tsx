import { TERMINAL_STATUSES, type Job, type LocatedJob } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Alert } from '@/components/ui/feedback';
import { MapPinPicker, type LatLng } from '@/components/ui/map-pin-picker';
import { WardPicker } from '@/components/ui/ward-picker';
import { ApiError } from '@/lib/api-client';
import { useWardName, type Ward } from '@/lib/queries/places';
import { useUnits } from '@/lib/queries/units';

import { useLocateJob } from '../api/jobs.api';
import styles from './jobs.module.css';

/** A job with its ward's full name (looked up from the province's list). */
type PlaceOfJob = Job & { wardName: string | undefined };

/**
 * "Vị trí": the job's address, ward, position and where the position came from; "Ghim vị trí"
 * or "Sửa vị trí" opens the pin picker (also the address and ward can be corrected), with an
 * optional reason and whether to update the citizen's saved address.
 */
export function JobPlaceSection({
  job,
  tileUrl,
  startEditing = false,
}: {
  job: Job;
  /** Leaflet URL template; without it the section only shows the place. */
  tileUrl: string | undefined;
  /** Open straight at the pin picker (the dispatcher's "Ghim" on a job with no place). */
  startEditing?: boolean;
}) {
  const { t } = useTranslation('jobs');
  const j: PlaceOfJob = { ...job, wardName: useWardName(job.wardCode) };
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === job.unitId);
  const centre =
    unit?.lat != null && unit.lng != null ? { lat: unit.lat, lng: unit.lng } : undefined;
  const [editing, setEditing] = useState(startEditing);
  // After a save: the office serving the (new) ward, when it is not the job's office.
  const [otherOffice, setOtherOffice] = useState<string | null>(null);
  const pinned = j.lat !== null && j.lng !== null;
  const canEdit = tileUrl !== undefined && !TERMINAL_STATUSES.includes(j.status);
  return (
    <section aria-labelledby="job-place-heading" className={styles.place}>
      <h3 id="job-place-heading">{t('place.title')}</h3>
      <dl className={styles.facts}>
        <dt>{t('detail.address')}</dt>
        <dd>{j.addressText}</dd>
        <dt>{t('place.ward')}</dt>
        <dd>{j.wardName ?? j.wardCode ?? '—'}</dd>
        <dt>{t('place.position')}</dt>
        <dd>
          {pinned
            ? `${j.lat!.toFixed(5)}, ${j.lng!.toFixed(5)}${
                j.locationSource ? ` · ${t(`place.source.${j.locationSource}`)}` : ''
              }`
            : t('place.none')}
        </dd>
      </dl>
      {canEdit && !editing && (
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {pinned ? t('place.edit') : t('place.pin')}
        </Button>
      )}
      {otherOffice && !editing && (
        <Alert tone="warning">
          {t('place.otherOffice', { office: otherOffice, unit: j.unitName })}
        </Alert>
      )}
      {canEdit && editing && (
        <PlaceEditor
          job={j}
          tileUrl={tileUrl}
          centre={centre}
          onDone={(saved) => {
            setEditing(false);
            const office = saved?.officeForWard;
            setOtherOffice(office && office.id !== saved.unitId ? office.name : null);
          }}
        />
      )}
    </section>
  );
}

/** The pin picker with the address, ward, reason and "update the saved address" choice. */
function PlaceEditor({
  job,
  tileUrl,
  centre,
  onDone,
}: {
  job: PlaceOfJob;
  tileUrl: string;
  /** Where the map opens without a pin: the job's office. */
  centre: LatLng | undefined;
  /** Called with the placed job after a save, or nothing when the user gave up. */
  onDone: (saved?: LocatedJob) => void;
}) {
  const { t } = useTranslation('jobs');
  const locate = useLocateJob();
  const [pin, setPin] = useState<LatLng | null>(
    job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null,
  );
  const [addressText, setAddressText] = useState(job.addressText);
  const [ward, setWard] = useState<Pick<Ward, 'code' | 'fullName'> | null>(
    job.wardCode ? { code: job.wardCode, fullName: job.wardName ?? job.wardCode } : null,
  );
  const [reason, setReason] = useState('');
  const [updateCitizenAddress, setUpdateCitizenAddress] = useState(false);

  const save = () => {
    if (!pin) return;
    locate.mutate(
      {
        jobId: job.id,
        lat: pin.lat,
        lng: pin.lng,
        source: 'pinned',
        ...(addressText.trim() !== job.addressText ? { addressText: addressText.trim() } : {}),
        ...(ward && ward.code !== job.wardCode ? { wardCode: ward.code } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        updateCitizenAddress,
      },
      { onSuccess: (saved) => onDone(saved) },
    );
  };

  return (
    <div className={styles.placeEditor}>
      <MapPinPicker
        id="drawer-pin"
        tileUrl={tileUrl}
        value={pin}
        onChange={setPin}
        centre={centre}
      />
      <label className={styles.placeField}>
        <span>{t('place.addressText')}</span>
        <input
          value={addressText}
          onChange={(e) => setAddressText(e.target.value)}
          autoComplete="off"
        />
      </label>
      <WardPicker id="drawer-ward" value={ward} onPick={setWard} />
      <label className={styles.placeField}>
        <span>{t('place.reason')}</span>
        <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Checkbox
        label={t('place.updateCitizenAddress')}
        checked={updateCitizenAddress}
        onChange={setUpdateCitizenAddress}
      />
      {locate.isError && (
        <Alert tone="danger">
          {locate.error instanceof ApiError ? locate.error.message : t('place.saveFailed')}
        </Alert>
      )}
      <div className={styles.placeActions}>
        <Button onClick={save} disabled={!pin || locate.isPending}>
          {locate.isPending ? t('place.saving') : t('place.save')}
        </Button>
        <Button variant="ghost" onClick={() => onDone()}>
          {t('place.cancel')}
        </Button>
      </div>
    </div>
  );
}
