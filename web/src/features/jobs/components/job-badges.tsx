import type { JobBoard, JobStatus, JobType } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/feedback';

import styles from './jobs.module.css';

/** Colour-board colours (also used for map markers). Text always accompanies the colour. */
export const BOARD_COLOURS: Record<JobBoard, string> = {
  green: '#0f6b50',
  yellow: '#b7791f',
  red: '#b42318',
};

const STATUS_TONE: Partial<Record<JobStatus, 'info' | 'warning' | 'danger' | 'success'>> = {
  new: 'info',
  completed: 'success',
  on_hold: 'warning',
  failed_attempt: 'warning',
  cancelled: 'danger',
  returned: 'danger',
};

/** A job's status in words (Vietnamese labels from the `jobs` namespace). */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation('jobs');
  return <Badge tone={STATUS_TONE[status] ?? 'neutral'}>{t(`status.${status}`)}</Badge>;
}

/**
 * The colour-board dot with its meaning as text for screen readers and a tooltip; a late
 * job says which late it is (shared/src/overdue.ts): "Quá hạn" while open, "Xong trễ hạn"
 * once completed.
 */
export function BoardDot({
  board,
  late,
  status,
}: {
  board: JobBoard;
  late?: boolean;
  status?: JobStatus;
}) {
  const { t } = useTranslation('jobs');
  const lateWord = status === 'completed' ? t('completedLate') : t('late');
  const label = late ? `${t(`board.${board}`)} — ${lateWord}` : t(`board.${board}`);
  return (
    <span className={styles.boardDot} style={{ background: BOARD_COLOURS[board] }} title={label}>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** The job type as a short word (list rows, map markers). */
export function JobTypeLabel({ type, short = false }: { type: JobType; short?: boolean }) {
  const { t } = useTranslation('jobs');
  return <>{short ? t(`typeShort.${type}`) : t(`type.${type}`)}</>;
}
