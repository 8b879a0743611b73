import type { Unit } from '@tannha/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';

import { jobDraftProblem, type JobDraft } from '../utils/drafts';
import { SelectField } from './field';
import { JobDetailsFields } from './job-details-fields';
import { JobPinFields, type PlaceSettings } from './job-pin-fields';
import { JobPlaceFields } from './job-place-fields';
import styles from './operator-console.module.css';
import { ProcedurePicker } from './procedure-picker';

const JOB_TYPES = ['home_assistance', 'result_delivery'] as const;

/** Where an office sits on the map, when it has been placed. */
const centreOf = (u: Unit | undefined) =>
  u && u.lat !== null && u.lng !== null ? { lat: u.lat, lng: u.lng } : undefined;

export type JobDraftFormProps = {
  job: JobDraft;
  onChange: (patch: Partial<JobDraft>) => void;
  postOffices: readonly Unit[];
  /** Days the visit may be booked on. */
  nextDays: readonly string[];
  onSubmit: (e: FormEvent) => void;
  creating: boolean;
  /** Why creating the job failed, if it did. */
  error: string | undefined;
  /** The map's tiles, the geocoder, where the map opens. */
  places: PlaceSettings | undefined;
  /** A send was refused for a missing override reason. */
  reasonMissing: boolean;
};

/** The job prepared from the call: type, procedure, address and ward, office, pin, time and notes. */
export function JobDraftForm({ job, onChange, postOffices, ...props }: JobDraftFormProps) {
  const { t } = useTranslation('operator');
  return (
    <form onSubmit={props.onSubmit} className={styles.jobForm} aria-labelledby="job-form-heading">
      <h3 id="job-form-heading">{t('job.title')}</h3>
      <SelectField
        label={t('job.type')}
        value={job.type}
        onChange={(type) => onChange({ type: type as JobDraft['type'] })}
        options={JOB_TYPES.map((type) => ({ value: type, label: t(`jobType.${type}`) }))}
      />
      <ProcedurePicker
        query={job.procQuery}
        selected={job.procedureId ? { id: job.procedureId, name: job.procedureName } : null}
        onQuery={(q) => onChange({ procQuery: q })}
        onPick={(p) =>
          onChange({ procedureId: p?.id ?? '', procedureName: p?.name ?? '', procQuery: '' })
        }
      />
      <JobPlaceFields
        job={job}
        onChange={onChange}
        postOffices={postOffices}
        reasonMissing={props.reasonMissing}
      />
      <JobPinFields
        job={job}
        onChange={onChange}
        places={props.places}
        officeCentre={centreOf(postOffices.find((u) => u.id === job.wardOfficeId))}
      />
      <JobDetailsFields job={job} onChange={onChange} nextDays={props.nextDays} />
      <div className={styles.actions}>
        <Button type="submit" disabled={props.creating || jobDraftProblem(job) === 'unit'}>
          {props.creating ? t('job.creating') : t('job.submit')} <kbd>Ctrl+Enter</kbd>
        </Button>
        <Button variant="ghost" onClick={() => onChange({ open: false })}>
          {t('job.cancel')}
        </Button>
      </div>
      {props.error && <Alert tone="danger">{props.error}</Alert>}
    </form>
  );
}
