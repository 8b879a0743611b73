import type { Unit } from '@tannha/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';

import type { JobDraft } from '../utils/drafts';
import { Field, SelectField } from './field';
import { JobDetailsFields } from './job-details-fields';
import styles from './operator-console.module.css';
import { ProcedurePicker } from './procedure-picker';

const JOB_TYPES = ['home_assistance', 'result_delivery'] as const;

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
};

/** The job prepared from the call: type, post office, procedure, address, time and notes. */
export function JobDraftForm({ job, onChange, postOffices, ...props }: JobDraftFormProps) {
  const { t } = useTranslation('operator');
  return (
    <form onSubmit={props.onSubmit} className={styles.jobForm} aria-labelledby="job-form-heading">
      <h3 id="job-form-heading">{t('job.title')}</h3>
      <div className={styles.row}>
        <SelectField
          label={t('job.type')}
          value={job.type}
          onChange={(type) => onChange({ type: type as JobDraft['type'] })}
          options={JOB_TYPES.map((type) => ({ value: type, label: t(`jobType.${type}`) }))}
        />
        <SelectField
          label={t('job.unit')}
          value={job.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('job.chooseUnit')}
          options={postOffices.map((u) => ({ value: u.id, label: u.name }))}
        />
      </div>
      <ProcedurePicker
        query={job.procQuery}
        selected={job.procedureId ? { id: job.procedureId, name: job.procedureName } : null}
        onQuery={(q) => onChange({ procQuery: q })}
        onPick={(p) =>
          onChange({ procedureId: p?.id ?? '', procedureName: p?.name ?? '', procQuery: '' })
        }
      />
      <Field label={t('job.address')}>
        <input
          value={job.addressText}
          onChange={(e) => onChange({ addressText: e.target.value, lat: null, lng: null })}
          autoComplete="off"
        />
        <small className={styles.muted}>
          {job.lat !== null && job.lng !== null
            ? t('job.pinned', { lat: job.lat.toFixed(5), lng: job.lng.toFixed(5) })
            : t('job.noPin')}
        </small>
      </Field>
      <JobDetailsFields job={job} onChange={onChange} nextDays={props.nextDays} />
      <div className={styles.actions}>
        <Button type="submit" disabled={props.creating || !job.unitId}>
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
