import type { DossierSlip, Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';

import { queueTransition, queueUpload } from '../offline/actions';
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

/** "Complete": only once the money is settled (or while an earlier step still waits to sync). */
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
  return (
    <>
      {!settled && !waiting && <p className={styles.pendingNote}>{t('step.collectFirst')}</p>}
      <Button
        block
        disabled={!settled && !waiting}
        onClick={() => void queueTransition(job.id, 'completed', t('step.complete'))}
      >
        {t('step.complete')}
      </Button>
    </>
  );
}

/** A result to deliver: fetch the sealed envelope at the agency, its code checked, a photo taken. */
export function PickUpAtAgency({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [code, setCode] = useState(job.dossierCode ?? '');
  const [photos, setPhotos] = useState<Blob[]>([]);
  return (
    <section className={styles.card} aria-labelledby="pu-h">
      <h2 id="pu-h">{t('pickUp.title')}</h2>
      <DossierCodeInput value={code} onChange={setCode} expected={job.dossierCode} />
      <PhotoPicker label={t('pickUp.photo')} photos={photos} onChange={setPhotos} />
      <Button
        block
        onClick={async () => {
          if (photos[0]) await queueUpload(job.id, 'sealed_result', photos[0], t('pickUp.qPhoto'));
          await queueTransition(job.id, 'picked_up', t('pickUp.submit'), {
            data: { dossierCode: code },
          });
        }}
      >
        {t('pickUp.submit')}
      </Button>
    </section>
  );
}
