import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';

import { usePickupBatch } from '../hooks/use-pickup-batch';
import { useOutbox } from '../hooks/use-outbox';
import { useSendResultPickup } from '../hooks/use-send-result-pickup';
import { BackToToday } from './back-to-today';
import { CounterPickupForm } from './counter-pickup-form';
import { CounterPickupScan } from './counter-pickup-scan';
import { SyncBar } from './sync-bar';

/**
 * `/courier/counter-pickup`: the finished results collected at the agency's counter. The
 * courier scans or types each result's code; the server says at once which are theirs to take
 * (✓) and which are not (✗, never in the batch); the clerk signs and the whole batch is picked
 * up in one action, queued through the outbox like every courier write. The record opens once
 * the server has it.
 */
export function CounterPickupScreen() {
  const { t } = useTranslation('courier');
  const outbox = useOutbox();
  const batch = usePickupBatch();
  const send = useSendResultPickup(outbox);

  let body;
  if (send.refusal !== null)
    body = (
      <Alert tone="danger">
        <p>{t('counter.refused', { error: send.refusal })}</p>
        <Button
          variant="secondary"
          onClick={() => void send.edit().then(() => batch.recheck(true))}
        >
          {t('counter.edit')}
        </Button>
      </Alert>
    );
  else if (send.sending)
    body = (
      <Alert tone="info">
        <p>{outbox.online ? t('counter.sending') : t('counter.waitingNetwork')}</p>
      </Alert>
    );
  else
    body = (
      <>
        <CounterPickupScan
          entries={batch.entries}
          onCode={batch.add}
          onRemove={batch.remove}
          onRecheck={() => batch.recheck()}
        />
        {batch.valid.length > 0 && (
          <CounterPickupForm
            codes={batch.valid.map((e) => e.code)}
            online={outbox.online}
            onSubmit={(b) => void send.submit(b)}
          />
        )}
      </>
    );

  return (
    <Page title={t('counter.title')} subtitle={t('counter.subtitle')} compact>
      <BackToToday />
      <SyncBar outbox={outbox} />
      {body}
    </Page>
  );
}
