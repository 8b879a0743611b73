import { FAILURE_REASONS, type Job, type JobStatus } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { Button } from '@/components/ui/button';
import { Badge, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { TextField } from '@/components/ui/text-field';
import {
  useCourierJob,
  useJobEvents,
  useJobMoney,
  useJobPapers,
} from '@/features/courier/api/courier.api';
import styles from '@/features/courier/components/courier.module.css';
import { DeliveryForm } from '@/features/courier/components/delivery-form';
import { DossierCodeInput } from '@/features/courier/components/dossier-code-input';
import { timeOf } from '@/features/courier/components/job-card';
import { MoneyPanel } from '@/features/courier/components/money-panel';
import { PhotoPicker } from '@/features/courier/components/photo-picker';
import { PickupForm, SubmissionForm } from '@/features/courier/components/pickup-form';
import { SyncBar } from '@/features/courier/components/sync-bar';
import { pendingStatusOf, useOutbox } from '@/features/courier/hooks/use-outbox';
import { queueTransition, queueUpload } from '@/features/courier/offline/actions';
import { formatDateTime, formatMoney } from '@/lib/format';

/** `/courier/jobs/:id`: one job, step by step along the state machine. */
export function CourierJobPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('courier');
  const job = useCourierJob(id);
  const outbox = useOutbox();
  if (job.isError && !job.data)
    return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <LoadingState />;
  const j = job.data;
  const pending = pendingStatusOf(outbox, j.id) as JobStatus | undefined;
  const status = pending ?? j.status;
  return (
    <Page
      title={t('job.title', { code: j.code })}
      subtitle={t(`type.${j.type}` as 'type.result_delivery')}
      compact
    >
      <p>
        <Link to="/courier" className={styles.linkButton}>
          {t('job.back')}
        </Link>
      </p>
      <SyncBar outbox={outbox} />
      <section className={styles.card} aria-label={t('job.summary')}>
        <p className={styles.jobTitle}>
          {j.citizen.fullName}{' '}
          <Badge tone={pending ? 'warning' : 'info'}>{t(`status.${status}` as 'status.new')}</Badge>
        </p>
        {pending && <p className={styles.pendingNote}>{t('job.pendingStatus')}</p>}
        <p>{j.addressText}</p>
        <p className={styles.muted}>
          {t('list.window', { from: timeOf(j.windowStart), to: timeOf(j.windowEnd) })} ·{' '}
          {j.procedure?.name ?? ''}
          {j.dossierCode && ` · ${t('job.dossier', { code: j.dossierCode })}`}
        </p>
        <p className={styles.muted}>
          {t('list.collect', { amount: formatMoney(j.feeDueVnd + j.postalChargeVnd) })}
        </p>
        <div className={styles.row}>
          {j.citizen.phone && (
            <a className={styles.linkButton} href={`tel:${j.citizen.phone}`}>
              {t('job.call')}
            </a>
          )}
          {j.lat !== null && j.lng !== null && (
            <a className={styles.linkButton} href={`geo:${j.lat},${j.lng}?q=${j.lat},${j.lng}`}>
              {t('job.navigate')}
            </a>
          )}
        </div>
      </section>
      <Steps job={j} status={status} waiting={!!pending} />
      <Timeline id={j.id} />
    </Page>
  );
}

function Steps({ job, status, waiting }: { job: Job; status: JobStatus; waiting: boolean }) {
  const { t } = useTranslation('courier');
  const outbox = useOutbox();
  const money = useJobMoney(job.id);
  const papers = useJobPapers(job.id);
  const move = (
    to: JobStatus,
    label: string,
    extra?: { reason?: string; data?: Record<string, unknown> },
  ) => void queueTransition(job.id, to, label, extra);
  const moneyPanel = money.data && <MoneyPanel job={job} money={money.data} outbox={outbox} />;

  switch (status) {
    case 'assigned':
      return (
        <Button block onClick={() => move('accepted', t('step.accept'))}>
          {t('step.accept')}
        </Button>
      );
    case 'accepted':
      if (job.type === 'result_delivery') return <PickUpAtAgency job={job} />;
      return (
        <Button block onClick={() => move('en_route', t('step.enRoute'))}>
          {t('step.enRoute')}
        </Button>
      );
    case 'picked_up':
      return (
        <Button block onClick={() => move('en_route', t('step.enRoute'))}>
          {t('step.enRoute')}
        </Button>
      );
    case 'en_route':
      return (
        <>
          <p className={styles.muted}>{t('step.smsSent')}</p>
          <Button block onClick={() => move('on_site', t('step.arrived'))}>
            {t('step.arrived')}
          </Button>
        </>
      );
    case 'on_site':
      return (
        <>
          {moneyPanel}
          {job.type === 'result_delivery' && <DeliveryForm job={job} />}
          {job.type === 'home_assistance' && <PickupForm job={job} />}
          {job.type === 'fee_collection' && (
            <Button
              block
              disabled={!money.data?.feesCollected}
              onClick={() => move('collected', t('step.collected'))}
            >
              {t('step.collected')}
            </Button>
          )}
          <FailedAttempt job={job} />
        </>
      );
    case 'collected':
      return (
        <>
          {moneyPanel}
          {job.type === 'home_assistance' ? (
            <>
              {papers.data?.slip && <SlipSummary slip={papers.data.slip} />}
              <SubmissionForm job={job} />
            </>
          ) : (
            <CompleteButton job={job} settled={!!money.data?.feesCollected} waiting={waiting} />
          )}
        </>
      );
    case 'delivered':
    case 'submitted':
      return (
        <>
          {moneyPanel}
          {papers.data?.slip && <SlipSummary slip={papers.data.slip} />}
          <CompleteButton
            job={job}
            settled={
              !!money.data?.feesCollected ||
              (money.data ? money.data.due.procedureFee + money.data.due.postalCharge === 0 : false)
            }
            waiting={waiting}
          />
        </>
      );
    case 'failed_attempt':
      return (
        <>
          <Button block onClick={() => move('assigned', t('step.reschedule'))}>
            {t('step.reschedule')}
          </Button>
          {job.type === 'result_delivery' && job.attemptCount >= 2 && (
            <Button
              block
              variant="secondary"
              onClick={() => move('returned', t('step.return'), { reason: t('step.returnReason') })}
            >
              {t('step.return')}
            </Button>
          )}
        </>
      );
    case 'completed':
      return (
        <>
          <p className={styles.doneNote} role="status">
            {t('step.done')}
          </p>
          {moneyPanel}
        </>
      );
    default:
      return <p className={styles.muted}>{t('step.nothing')}</p>;
  }
}

function SlipSummary({
  slip,
}: {
  slip: { slipNo: string; missing: string[]; filedAt: string | null; dossierCode: string | null };
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

function CompleteButton({
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

function PickUpAtAgency({ job }: { job: Job }) {
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

function FailedAttempt({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof FAILURE_REASONS)[number]>('citizen_absent');
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
      <label className={styles.fieldLabel} htmlFor="fail-reason">
        {t('failed.reason')}
      </label>
      <select
        id="fail-reason"
        className={styles.select}
        value={reason}
        onChange={(e) => setReason(e.target.value as typeof reason)}
      >
        {FAILURE_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`failed.reasons.${r}`)}
          </option>
        ))}
      </select>
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

function Timeline({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const events = useJobEvents(id);
  if (!events.data) return null;
  return (
    <section className={styles.card} aria-labelledby="tl-h">
      <h2 id="tl-h">{t('job.timeline')}</h2>
      <ol className={styles.timeline}>
        {events.data.map((e) => (
          <li key={e.id}>
            <strong>{e.toStatus ? t(`status.${e.toStatus}` as 'status.new') : e.kind}</strong> ·{' '}
            {formatDateTime(e.occurredAt)}
            {e.actor && ` · ${e.actor.fullName}`}
            {e.reason && ` · ${e.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
