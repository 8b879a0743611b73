import { FAILURE_REASONS, type Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { SelectOptions } from '@/components/ui/select-options';
import { TextField } from '@/components/ui/text-field';

import { queueTransition } from '../offline/actions';
import styles from './courier.module.css';
import { SelectField } from './select-field';

type Reason = (typeof FAILURE_REASONS)[number];

/** "Could not finish": the reason, a note and the time the citizen proposes instead. */
export function FailedAttempt({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<Reason>('citizen_absent');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  if (!open)
    return (
      <Button block variant="secondary" onClick={() => setOpen(true)}>
        {t('failed.open')}
      </Button>
    );
  return (
    <section className={styles.card} aria-labelledby="fail-h">
      <h2 id="fail-h">{t('failed.title')}</h2>
      <SelectField id="fail-reason" label={t('failed.reason')} value={reason} onChange={setReason}>
        <SelectOptions
          options={FAILURE_REASONS.map((r) => ({
            value: r,
            label: t(`failed.reasons.${r}`),
          }))}
        />
      </SelectField>
      <TextField label={t('failed.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <TextField
        label={t('failed.newTime')}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
      />
      {job.attemptCount >= 2 && <p className={styles.pendingNote}>{t('failed.second')}</p>}
      <Button
        block
        onClick={() =>
          void queueTransition(job.id, 'failed_attempt', t('failed.title'), {
            reason: `${t(`failed.reasons.${reason}`)}${note ? ` — ${note}` : ''}`,
            data: {
              reasonCode: reason,
              ...(when ? { proposedAt: new Date(when).toISOString() } : {}),
            },
          })
        }
      >
        {t('failed.submit')}
      </Button>
    </section>
  );
}
