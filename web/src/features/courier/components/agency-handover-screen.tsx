import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';

import { useHandoverCandidates } from '../api/agency-handovers.api';
import { AgencyHandoverForm } from './agency-handover-form';
import { BackToToday } from './back-to-today';
import { QueuedHandovers } from './queued-handovers';
import { RecentHandovers } from './recent-handovers';
import { SyncBar } from './sync-bar';
import { useOutbox } from '../hooks/use-outbox';
import { useSendAgencyHandover } from '../hooks/use-send-agency-handover';
import {
  EMPTY_HANDOVER_DRAFT,
  queuedHandoverJobIds,
  queuedHandovers,
  type HandoverDraft,
} from '../utils/agency-handover';

/**
 * `/courier/handover`: the dossiers collected at citizens' homes handed to the agency's counter
 * together, in one record signed by the clerk on the phone. Like every courier write, the record
 * goes through the outbox: with no network it waits on the phone with its signing time (the
 * legal filing time) and is sent when the network returns; once sent, the record opens.
 */
export function AgencyHandoverScreen() {
  const { t } = useTranslation('courier');
  const outbox = useOutbox();
  const candidates = useHandoverCandidates();
  const [draft, setDraft] = useState<HandoverDraft>(EMPTY_HANDOVER_DRAFT);
  const { sentId, submit } = useSendAgencyHandover(outbox);

  const queuedJobs = queuedHandoverJobIds(outbox.actions);
  const available = (candidates.data ?? []).filter((c) => !queuedJobs.has(c.jobId));
  let body;
  if (sentId) body = null;
  else if (candidates.isError && !candidates.data)
    body = <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />;
  else if (!candidates.data) body = <LoadingState />;
  else if (available.length === 0)
    body =
      queuedHandovers(outbox.actions).length > 0 ? null : (
        <EmptyState title={t('agency.emptyTitle')}>
          <p>{t('agency.emptyBody')}</p>
        </EmptyState>
      );
  else
    body = (
      <AgencyHandoverForm
        candidates={available}
        draft={draft}
        onDraftChange={setDraft}
        online={outbox.online}
        onSubmit={(b, sig) => void submit(b, sig)}
      />
    );

  return (
    <Page title={t('agency.title')} subtitle={t('agency.subtitle')} compact>
      <BackToToday />
      <SyncBar outbox={outbox} />
      <QueuedHandovers outbox={outbox} />
      {body}
      <RecentHandovers />
    </Page>
  );
}
