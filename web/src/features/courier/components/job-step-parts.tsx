import { formatVnDate, parseDossierCode, type DossierSlip, type Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime } from '@/lib/format';

import { queueTransition, queueUpload } from '../offline/actions';
import { appointmentDay, isUpcoming, vnToday } from '../utils/job-day';
import styles from './courier.module.css';
import { DossierCodeInput } from './dossier-code-input';
import { PhotoPicker } from './photo-picker';

/** The dossier slip written at pickup: its number, missing papers, filing time and code. */
export function SlipSummary({
  slip,
}: {
  slip: Pick<DossierSlip, 'slipNo' | 'missing' | 'filedAt' | 'dossierCode'>;
}) {
  const { t } = useTranslation('courier');
  return (
    <section className={styles.card}>
      <h2>{t('slip.title', { no: slip.slipNo })}</h2>
      {slip.missing.length > 0 && (
        <p className={styles.pendingNote}>
          {t('pickup.missing', { list: slip.missing.join(', ') })}
        </p>
      )}
      {slip.filedAt && <p>{t('slip.filed', { at: formatDateTime(slip.filedAt) })}</p>}
      {slip.dossierCode && <p>{t('job.dossier', { code: slip.dossierCode })}</p>}
    </section>
  );
}

/** Shortest reason the server accepts to override a check (the same rule as the server's). */
const REASON_MIN = 10;

/** A reason the courier types to override a check; the server records it on the step. */
function ReasonField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      value={value}
      maxLength={500}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * "Complete": only once the money is settled (or while an earlier step still waits to sync).
 * Before the appointment's day it also asks why (the citizen asked to be served earlier): the
 * server refuses an early completion without that reason.
 */
export function CompleteButton({
  job,
  settled,
  waiting,
}: {
  job: Job;
  settled: boolean;
  waiting: boolean;
}) {
  const { t } = useTranslation('courier');
  const [reason, setReason] = useState('');
  const early = isUpcoming(job, vnToday());
  const reasonOk = !early || reason.trim().length >= REASON_MIN;
  return (
    <>
      {!settled && !waiting && <p className={styles.pendingNote}>{t('step.collectFirst')}</p>}
      {early && (
        <ReasonField
          label={t('step.early')}
          hint={t('step.earlyHint', { date: formatVnDate(appointmentDay(job)!) })}
          value={reason}
          onChange={setReason}
        />
      )}
      <Button
        block
        disabled={(!settled && !waiting) || !reasonOk}
        onClick={() =>
          void queueTransition(
            job.id,
            'completed',
            t('step.complete'),
            early ? { data: { earlyReason: reason.trim() } } : {},
          )
        }
      >
        {t('step.complete')}
      </Button>
    </>
  );
}

/**
 * A result to deliver: fetch the sealed envelope at the agency, its code read from the package
 * (scanned or typed, never pre-filled) and checked against the job's, a photo taken. A package
 * with another code is refused unless the courier says why (the server checks the same).
 */
export function PickUpAtAgency({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [code, setCode] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const expected = job.dossierCode;
  const parsed = code.trim() ? parseDossierCode(code) : null;
  const mismatch = !!(parsed?.ok && expected && parsed.code !== expected);
  const codeOk = expected ? parsed?.ok === true : parsed === null || parsed.ok;
  const ready = codeOk && (!mismatch || (override && reason.trim().length >= REASON_MIN));
  return (
    <section className={styles.card} aria-labelledby="pu-h">
      <h2 id="pu-h">{t('pickUp.title')}</h2>
      {expected && !parsed && <p className={styles.muted}>{t('pickUp.codeNeeded')}</p>}
      <DossierCodeInput value={code} onChange={setCode} expected={expected} />
      {mismatch && (
        <>
          <Checkbox label={t('pickUp.override')} checked={override} onChange={setOverride} />
          {override && (
            <ReasonField
              label={t('pickUp.overrideReason')}
              hint={t('pickUp.overrideHint')}
              value={reason}
              onChange={setReason}
            />
          )}
        </>
      )}
      <PhotoPicker label={t('pickUp.photo')} photos={photos} onChange={setPhotos} />
      <Button
        block
        disabled={!ready}
        onClick={async () => {
          const typed = parsed?.ok ? parsed.code : undefined;
          if (photos[0]) await queueUpload(job.id, 'sealed_result', photos[0], t('pickUp.qPhoto'));
          await queueTransition(job.id, 'picked_up', t('pickUp.submit'), {
            data: {
              ...(typed ? { dossierCode: typed } : {}),
              ...(mismatch ? { dossierCodeMismatchReason: reason.trim() } : {}),
            },
          });
        }}
      >
        {t('pickUp.submit')}
      </Button>
    </section>
  );
}
