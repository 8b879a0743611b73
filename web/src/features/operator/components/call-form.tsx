import type { Call } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Alert } from '@/components/ui/feedback';
import { formatDate } from '@/lib/format';

import { useCallForm, type CallHandlers } from '../hooks/use-call-form';
import { errorText } from '../utils/error-text';
import { CallDetailsForm } from './call-details-form';
import { CallerCard } from './caller-card';
import { CitizenHistory } from './citizen-history';
import { JobDraftForm } from './job-draft-form';
import styles from './operator-console.module.css';

/** One call: who calls, what about, the job made from it, and the caller's history. */
export function CallForm({ call, jobOpenSignal, onDone, places }: { call: Call } & CallHandlers) {
  const { t } = useTranslation('operator');
  const form = useCallForm(call, jobOpenSignal, onDone);
  const { draft, job, closed, update, createJob } = form;
  const error = errorText(update.error) ?? errorText(form.createCitizen.error);
  return (
    <section className={styles.card} aria-labelledby="call-form-heading">
      <CallerCard call={call} citizen={form.citizen} closed={closed} />
      <CallDetailsForm
        call={call}
        draft={draft}
        onChange={(patch) => form.setDraft({ ...draft, ...patch })}
        closed={closed}
        onSubmit={form.submitCall}
        onOpenJob={() => form.setJob({ ...job, open: true })}
        onClose={form.closeCall}
        saving={update.isPending}
        saved={update.isSuccess}
        closing={form.close.isPending}
        error={error}
        closeError={form.close.isError ? errorText(form.close.error) : undefined}
      />

      {call.jobCode && <Alert tone="success">{t('job.created', { code: call.jobCode })}</Alert>}
      {createJob.isSuccess && (
        <p role="status" className={styles.ok}>
          {t('job.createdDue', {
            code: createJob.data.job.code,
            due: formatDate(createJob.data.job.dueDate),
          })}{' '}
          {createJob.data.smsId ? t('job.smsQueued') : t('job.noSms')}
        </p>
      )}

      {job.open && !call.jobId && !closed && (
        <JobDraftForm
          job={job}
          onChange={(patch) => form.setJob({ ...job, ...patch })}
          postOffices={form.postOffices}
          nextDays={form.nextDays}
          onSubmit={form.submitJob}
          creating={createJob.isPending}
          error={createJob.isError ? errorText(createJob.error) : undefined}
          places={places}
          reasonMissing={form.reasonMissing}
        />
      )}

      {form.history.data && <CitizenHistory jobs={form.history.data.jobs} />}
    </section>
  );
}
