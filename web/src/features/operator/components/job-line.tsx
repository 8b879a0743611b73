import { useTranslation } from 'react-i18next';

import { formatDate } from '@/lib/format';

/** The job fields a one-line summary shows. */
export type JobLineItem = { code: string; type: string; status: string; dueDate: string | null };

/** `CODE · type · status · due dd/MM/yyyy`, as the screen pop and the caller's history list jobs. */
export function JobLine({ job }: { job: JobLineItem }) {
  const { t } = useTranslation('operator');
  return (
    <>
      <strong>{job.code}</strong> · {t(`jobType.${job.type}` as 'jobType.home_assistance')} ·{' '}
      {t(`status.${job.status}` as 'status.new', { ns: 'jobs' })} · {t('due')}{' '}
      {formatDate(job.dueDate)}
    </>
  );
}
