import type { Unit } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { WardPicker } from '@/components/ui/ward-picker';
import type { Ward } from '@/lib/queries/places';

import { isUnitOverride, type JobDraft } from '../utils/drafts';
import { Field, SelectField } from './field';
import styles from './operator-console.module.css';

/** The draft's fields a ward choice sets: the ward, its office, and the office the job goes to. */
export function wardPatch(job: JobDraft, ward: Ward | null): Partial<JobDraft> {
  if (!ward) return { wardCode: '', wardName: '', wardOfficeId: '', wardOfficeName: '' };
  return {
    wardCode: ward.code,
    wardName: ward.fullName,
    wardOfficeId: ward.office?.id ?? '',
    wardOfficeName: ward.office?.name ?? '',
    // A new ward brings its own office back; an override is chosen again if still wanted.
    unitId: ward.office?.id ?? job.unitId,
    unitOverrideReason: '',
  };
}

/**
 * The address the 2025 way: house number and street, then the ward (the province is implied,
 * there is no district); the post office follows from the ward, and another office may be
 * chosen with a reason.
 */
export function JobPlaceFields({
  job,
  onChange,
  postOffices,
  /** Shown on the reason field after a send was refused for it. */
  reasonMissing,
}: {
  job: JobDraft;
  onChange: (patch: Partial<JobDraft>) => void;
  postOffices: readonly Unit[];
  reasonMissing: boolean;
}) {
  const { t } = useTranslation('operator');
  const override = isUnitOverride(job);
  return (
    <>
      <div className={styles.row}>
        <Field label={t('place.street')}>
          <input
            id="job-street"
            value={job.addressText}
            placeholder={t('place.streetPlaceholder')}
            onChange={(e) =>
              onChange(
                // A pin from a saved address or a suggestion belonged to the old address.
                job.locationSource === 'pinned'
                  ? { addressText: e.target.value }
                  : { addressText: e.target.value, lat: null, lng: null },
              )
            }
            autoComplete="off"
          />
        </Field>
        <WardPicker
          id="job-ward"
          value={job.wardCode ? { code: job.wardCode, fullName: job.wardName } : null}
          onPick={(ward) => onChange(wardPatch(job, ward))}
        />
      </div>
      <p className={styles.selected} role="status" aria-live="polite">
        {job.wardOfficeName
          ? t('place.officeOfWard', { office: job.wardOfficeName })
          : job.wardCode
            ? t('place.wardNotServed')
            : t('place.chooseWard')}
      </p>
      <div className={styles.row}>
        <SelectField
          id="job-unit"
          label={job.wardOfficeId ? t('place.otherOffice') : t('job.unit')}
          value={job.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('job.chooseUnit')}
          options={postOffices.map((u) => ({
            value: u.id,
            label: u.id === job.wardOfficeId ? t('place.wardsOffice', { office: u.name }) : u.name,
          }))}
        />
        {override && (
          <Field label={t('place.overrideReason')}>
            <input
              id="job-unit-reason"
              value={job.unitOverrideReason}
              maxLength={300}
              required
              aria-invalid={reasonMissing && !job.unitOverrideReason.trim() ? true : undefined}
              onChange={(e) => onChange({ unitOverrideReason: e.target.value })}
              autoComplete="off"
            />
            {reasonMissing && !job.unitOverrideReason.trim() && (
              <small className={styles.warn} role="alert">
                {t('place.overrideReasonRequired')}
              </small>
            )}
          </Field>
        )}
      </div>
    </>
  );
}
