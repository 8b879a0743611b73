import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { useHandoverCandidates } from '@/features/courier/api/agency-handovers.api';
import {
  AgencyHandoverForm,
  type AgencyHandoverBody,
} from '@/features/courier/components/agency-handover-form';
import styles from '@/features/courier/components/courier.module.css';
import { QueuedHandovers } from '@/features/courier/components/queued-handovers';
import { RecentHandovers } from '@/features/courier/components/recent-handovers';
import { SyncBar } from '@/features/courier/components/sync-bar';
import { useOutbox } from '@/features/courier/hooks/use-outbox';
import { queueJson, queueUpload } from '@/features/courier/offline/actions';
import { findResultId } from '@/features/courier/offline/outbox';
import {
  AGENCY_HANDOVER_URL,
  EMPTY_HANDOVER_DRAFT,
  queuedHandoverJobIds,
  queuedHandovers,
  type HandoverDraft,
} from '@/features/courier/utils/agency-handover';

/**
 * `/courier/handover`: the dossiers collected at citizens' homes handed to the agency's counter
 * together, in one record signed by the clerk on the phone. Like every courier write, the record
 * goes through the outbox: with no network it waits on the phone with its signing time (the
 * legal filing time) and is sent when the network returns; once sent, the record opens.
 */
export function CourierAgencyHandoverPage() {
  const { t } = useTranslation('courier');
  const navigate = useNavigate();
  const outbox = useOutbox();
  const candidates = useHandoverCandidates();
  const [draft, setDraft] = useState<HandoverDraft>(EMPTY_HANDOVER_DRAFT);
  // The outbox action of the record signed on this screen, until it reaches the server.
  const [sentId, setSentId] = useState<string | null>(null);

  // Once that record leaves the outbox: sent, open it; dropped after a refusal, back to the form.
  useEffect(() => {
    if (!sentId || outbox.actions.some((a) => a.id === sentId)) return;
    let live = true;
    void findResultId(sentId).then((recordId) => {
      if (!live) return;
      if (recordId)
        void navigate(`/courier/handover/${recordId}`, { replace: true, state: { created: true } });
      else setSentId(null);
    });
    return () => {
      live = false;
    };
  }, [sentId, outbox.actions, navigate]);

  // A double tap must not queue the record twice (the second would be refused as a repeat).
  const queueing = useRef(false);
  const submit = async (body: AgencyHandoverBody, signature: Blob) => {
    if (queueing.current) return;
    queueing.current = true;
    try {
      // The signature is a document of the first dossier's job; the record names it by reference.
      const sig = await queueUpload(
        body.items[0]!.jobId,
        'signature',
        signature,
        t('agency.qSignature'),
        { signer: 'clerk' },
      );
      const id = await queueJson(
        null,
        AGENCY_HANDOVER_URL,
        { ...body, clerkSignatureId: `@ref:${sig}` },
        t('agency.qRecord', { count: body.items.length }),
      );
      setSentId(id);
    } finally {
      queueing.current = false;
    }
  };

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
      <p>
        <Link to="/courier" className={styles.linkButton}>
          {t('job.back')}
        </Link>
      </p>
      <SyncBar outbox={outbox} />
      <QueuedHandovers outbox={outbox} />
      {body}
      <RecentHandovers />
    </Page>
  );
}
