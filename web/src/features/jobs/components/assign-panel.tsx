import type { Courier, Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Alert, LoadingState } from '@/components/ui/feedback';
import { ApiError } from '@/lib/api-client';

import { useAssignJob, useJobCouriers, useSuggestions } from '../api/jobs.api';

import { AssignSuggestions } from './assign-suggestions';
import { CourierPicker } from './courier-picker';
import styles from './jobs.module.css';

const REASSIGNABLE = ['new', 'assigned', 'accepted', 'failed_attempt'];

export type AssignPanelProps = {
  job: Job;
  /** Every courier on the map (to name one clicked there). */
  couriers: readonly Courier[];
  /** A courier clicked on the map while this job is selected. */
  preselected?: string | undefined;
};

/** Suggestions with their reasons, a courier picker, and unassign, for the selected job. */
export function AssignPanel({ job, couriers, preselected }: AssignPanelProps) {
  const { t } = useTranslation('jobs');
  const suggestions = useSuggestions(job.id);
  const eligible = useJobCouriers(job.id);
  const assign = useAssignJob();
  const [chosen, setPicked] = useState(preselected ?? '');
  // Only a courier the server accepts can be picked (a map click may name anyone).
  const picked = eligible.data?.items.some((c) => c.id === chosen) ? chosen : '';
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const [askingUnassign, setAskingUnassign] = useState(false);
  const effective = job.status === 'on_hold' ? (job.heldFrom ?? '') : job.status;
  const canChange = REASSIGNABLE.includes(effective);
  const needsReason = job.courier !== null;

  const run = (courierId: string | null) => {
    setDone(undefined);
    const name =
      [...(eligible.data?.items ?? []), ...couriers].find((c) => c.id === courierId)?.fullName ??
      '';
    assign.mutate(
      { jobId: job.id, courierId, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          setDone(
            courierId
              ? t('assign.done', { code: job.code, name })
              : t('assign.unassigned', { code: job.code }),
          );
          setReason('');
        },
      },
    );
  };

  if (!canChange) {
    return (
      <section className={styles.assign}>
        <h3>{t('assign.heading')}</h3>
        <p className={styles.muted}>{t('assign.cannot')}</p>
      </section>
    );
  }
  return (
    <section className={styles.assign} aria-label={t('assign.heading')}>
      <h3>{t('assign.suggestions')}</h3>
      {done && <Alert tone="success">{done}</Alert>}
      {assign.isError && (
        <Alert tone="danger">
          {assign.error instanceof ApiError ? assign.error.message : String(assign.error)}
        </Alert>
      )}
      {needsReason && (
        <label className={styles.muted}>
          {t('assign.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {suggestions.isLoading && <LoadingState />}
      {suggestions.data && suggestions.data.items.length === 0 && (
        <p className={styles.muted}>{t('assign.noSuggestions')}</p>
      )}
      {suggestions.data && suggestions.data.items.length > 0 && (
        <AssignSuggestions
          suggestions={suggestions.data.items}
          currentCourierId={job.courier?.id}
          pending={assign.isPending}
          onAssign={run}
        />
      )}
      {eligible.isLoading && <LoadingState />}
      {eligible.data && (
        <CourierPicker
          data={eligible.data}
          value={picked}
          preselected={couriers.find((c) => c.id === preselected)}
          onChange={setPicked}
        />
      )}
      <div className={styles.row}>
        <Button disabled={!picked || assign.isPending} onClick={() => run(picked)}>
          {t('assign.confirm')}
        </Button>
        {job.courier && (
          <Button
            variant="secondary"
            disabled={assign.isPending}
            onClick={() => setAskingUnassign(true)}
          >
            {t('assign.unassign')}
          </Button>
        )}
      </div>
      {askingUnassign && job.courier && (
        <ConfirmDialog
          title={t('assign.unassignConfirm', { code: job.code, name: job.courier.fullName })}
          confirmLabel={t('assign.unassign')}
          busy={assign.isPending}
          onCancel={() => setAskingUnassign(false)}
          onConfirm={() => (setAskingUnassign(false), run(null))}
        >
          <p>{t('assign.unassignEffect')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
