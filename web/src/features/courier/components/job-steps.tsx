import type { Job, JobMoney, JobStatus } from '@tannha/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { useJobMoney, useJobPapers } from '../api/courier.api';
import { useOutbox } from '../hooks/use-outbox';
import { queueTransition } from '../offline/actions';
import styles from './courier.module.css';
import { DeliveryForm } from './delivery-form';
import { FailedAttempt } from './failed-attempt';
import { CompleteButton, PickUpAtAgency, SlipSummary } from './job-step-parts';
import { MoneyPanel } from './money-panel';
import { PickupForm, SubmissionForm } from './pickup-form';

type MoveProps = {
  job: Job;
  to: JobStatus;
  /** The button's text, also the outbox line while the step waits to sync. */
  label: string;
  reason?: string;
  variant?: 'secondary';
  disabled?: boolean;
};

/** One tap that queues the job's next status in the outbox. */
function MoveButton({ job, to, label, reason, variant, disabled }: MoveProps) {
  return (
    <Button
      block
      {...(variant ? { variant } : {})}
      {...(disabled !== undefined ? { disabled } : {})}
      onClick={() => void queueTransition(job.id, to, label, reason ? { reason } : undefined)}
    >
      {label}
    </Button>
  );
}

/** Whether nothing is left to collect: fees recorded, or nothing was ever due. */
function settledOf(money: JobMoney | undefined): boolean {
  if (!money) return false;
  return money.feesCollected || money.due.procedureFee + money.due.postalCharge === 0;
}

/** What the courier can do next with the job, for the status it has (or will have once synced). */
export function JobSteps({
  job,
  status,
  waiting,
}: {
  job: Job;
  status: JobStatus;
  waiting: boolean;
}) {
  const { t } = useTranslation('courier');
  const outbox = useOutbox();
  const money = useJobMoney(job.id);
  const papers = useJobPapers(job.id);
  const moneyPanel = money.data && <MoneyPanel job={job} money={money.data} outbox={outbox} />;
  const slip = papers.data?.slip && <SlipSummary slip={papers.data.slip} />;
  const feesCollected = !!money.data?.feesCollected;

  switch (status) {
    case 'assigned':
      return <MoveButton job={job} to="accepted" label={t('step.accept')} />;
    case 'accepted':
      if (job.type === 'result_delivery') return <PickUpAtAgency job={job} />;
      return <MoveButton job={job} to="en_route" label={t('step.enRoute')} />;
    case 'picked_up':
      return <MoveButton job={job} to="en_route" label={t('step.enRoute')} />;
    case 'en_route':
      return (
        <>
          {/* The SMS leaves with the step: while it waits on the phone, nobody was told yet. */}
          <p className={waiting ? styles.pendingNote : styles.muted} role="status">
            {waiting ? t('step.queued') : t('step.smsSent')}
          </p>
          <MoveButton job={job} to="on_site" label={t('step.arrived')} />
        </>
      );
    case 'on_site':
      return <OnSite job={job} moneyPanel={moneyPanel} feesCollected={feesCollected} />;
    case 'collected':
      return (
        <>
          {moneyPanel}
          {job.type === 'home_assistance' ? (
            <>
              {slip}
              <SubmissionForm job={job} />
            </>
          ) : (
            <CompleteButton job={job} settled={feesCollected} waiting={waiting} />
          )}
        </>
      );
    case 'delivered':
    case 'submitted':
      return (
        <>
          {moneyPanel}
          {slip}
          <CompleteButton job={job} settled={settledOf(money.data)} waiting={waiting} />
        </>
      );
    case 'failed_attempt':
      return (
        <>
          <MoveButton job={job} to="assigned" label={t('step.reschedule')} />
          {job.type === 'result_delivery' && job.attemptCount >= 2 && (
            <MoveButton
              job={job}
              to="returned"
              label={t('step.return')}
              reason={t('step.returnReason')}
              variant="secondary"
            />
          )}
        </>
      );
    case 'completed':
      return (
        <>
          <p className={waiting ? styles.pendingNote : styles.doneNote} role="status">
            {waiting ? t('step.doneQueued') : t('step.done')}
          </p>
          {moneyPanel}
        </>
      );
    default:
      return <p className={styles.muted}>{t('step.nothing')}</p>;
  }
}

/** At the citizen's door: take the money, hand over or take in the papers, or record a failure. */
function OnSite({
  job,
  moneyPanel,
  feesCollected,
}: {
  job: Job;
  moneyPanel: ReactNode;
  feesCollected: boolean;
}) {
  const { t } = useTranslation('courier');
  return (
    <>
      {moneyPanel}
      {job.type === 'result_delivery' && <DeliveryForm job={job} />}
      {job.type === 'home_assistance' && <PickupForm job={job} />}
      {job.type === 'fee_collection' && (
        <MoveButton
          job={job}
          to="collected"
          label={t('step.collected')}
          disabled={!feesCollected}
        />
      )}
      <FailedAttempt job={job} />
    </>
  );
}
