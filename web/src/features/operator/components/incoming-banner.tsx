import type { IncomingCallEvent } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { formatDateTime, formatPhone } from '@/lib/format';

import { useScreenPop } from '../api/telephony.api';
import { JobLine } from './job-line';
import styles from './operator-console.module.css';

/** The screen pop of a ringing call: who calls, their earlier calls and open jobs. */
export function IncomingBanner({
  callId,
  onAnswer,
  onDismiss,
}: {
  callId: string;
  onAnswer: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('operator');
  const pop = useScreenPop(callId);
  if (pop.isPending) return <LoadingState label={t('pop.loading')} />;
  if (pop.isError) return <ErrorState error={pop.error} onRetry={() => void pop.refetch()} />;
  const e = pop.data;
  return (
    <section
      className={styles.banner}
      role="region"
      aria-label={t('pop.title')}
      aria-live="assertive"
    >
      <div className={styles.bannerHead}>
        <h2>
          {t('pop.title')}: <span className={styles.phone}>{formatPhone(e.callerPhone)}</span> —{' '}
          {e.citizen ? e.citizen.fullName : t('pop.unknown')}
        </h2>
        <span className={styles.ticket}>{e.ticketCode}</span>
        <Button onClick={onAnswer}>
          {t('pop.answer')} <kbd>Alt+A</kbd>
        </Button>
        <Button variant="ghost" onClick={onDismiss}>
          {t('pop.dismiss')} <kbd>Esc</kbd>
        </Button>
      </div>
      <div className={styles.bannerBody}>
        <LastCalls calls={e.lastCalls} />
        <div>
          <h3>{t('pop.openJobs')}</h3>
          {e.openJobs.length === 0 ? (
            <p className={styles.muted}>{t('pop.noJobs')}</p>
          ) : (
            <ul className={styles.compactList}>
              {e.openJobs.map((j) => (
                <li key={j.id}>
                  <JobLine job={j} />
                </li>
              ))}
            </ul>
          )}
          {e.citizen && e.citizen.addresses[0] && (
            <p className={styles.muted}>{e.citizen.addresses[0].addressText}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** The caller's earlier calls in the screen pop. */
function LastCalls({ calls }: { calls: IncomingCallEvent['lastCalls'] }) {
  const { t } = useTranslation('operator');
  return (
    <div>
      <h3>{t('pop.lastCalls')}</h3>
      {calls.length === 0 ? (
        <p className={styles.muted}>{t('pop.noCalls')}</p>
      ) : (
        <ul className={styles.compactList}>
          {calls.map((c) => (
            <li key={c.id}>
              {formatDateTime(c.startedAt)} ·{' '}
              {c.category ? t(`category.${c.category}` as 'category.other') : t('pop.noCategory')} ·{' '}
              {c.outcome ? t(`outcome.${c.outcome}` as 'outcome.answered') : t('pop.noOutcome')}
              {c.content && <span className={styles.muted}> — {c.content.slice(0, 80)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
