import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';

import { courierKeys } from '../api/courier-keys';
import { discard, type OutboxState } from '../offline/outbox';
import {
  actionsOfHandover,
  formatSignedAt,
  handoverBodyOf,
  queuedHandovers,
} from '../utils/agency-handover';
import styles from './courier.module.css';

/**
 * Handover records the phone has not delivered yet: being sent, waiting for a network (the
 * signing time stays the one on the phone), or refused by the server with its reason, to
 * correct and sign again.
 */
export function QueuedHandovers({ outbox }: { outbox: OutboxState }) {
  const { t } = useTranslation('courier');
  const qc = useQueryClient();
  const records = queuedHandovers(outbox.actions);
  if (records.length === 0) return null;
  return (
    <>
      {records.map((a) => {
        const body = handoverBodyOf(a);
        const group = actionsOfHandover(outbox.actions, a);
        const refused = group.find((x) => x.state === 'failed');
        return (
          <section
            key={a.id}
            className={styles.card}
            aria-labelledby={`queued-${a.id}`}
            data-testid="queued-handover"
          >
            <h2 id={`queued-${a.id}`}>
              {refused ? t('agency.refusedTitle') : t('agency.pendingTitle')}
            </h2>
            <p>
              {t('agency.pendingWhat', {
                count: body.items.length,
                agency: body.agencyName,
                clerk: body.clerkName,
              })}
            </p>
            <p className={styles.muted}>
              {t('agency.signedAt', { at: formatSignedAt(a.occurredAt) })}
            </p>
            {refused ? (
              <>
                <Alert tone="danger">
                  <p>{t('agency.refused', { error: refused.error ?? '' })}</p>
                </Alert>
                <Button
                  block
                  variant="secondary"
                  onClick={async () => {
                    // The record first: it sits behind its signature in the queue.
                    for (const x of [...group].reverse())
                      if (x.seq !== undefined) await discard(x.seq);
                    // A refusal often means the list moved on (a dossier handed over elsewhere).
                    await qc.invalidateQueries({ queryKey: courierKeys.agencyHandovers() });
                  }}
                >
                  {t('agency.edit')}
                </Button>
              </>
            ) : (
              <p className={outbox.online ? styles.muted : styles.pendingNote} role="status">
                {outbox.online ? t('agency.sending') : t('agency.waitingNetwork')}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
