import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { AgencyHandoverBody } from '../components/agency-handover-form';
import { queueJson, queueUpload } from '../offline/actions';
import { findResultId, type OutboxState } from '../offline/outbox';
import { AGENCY_HANDOVER_URL } from '../utils/agency-handover';

/**
 * Queues an agency handover record (the clerk's signature first, the record naming it) and,
 * once the outbox has sent it, opens the record. `sentId` is the record's outbox action while
 * it waits; it falls back to null when the server refused the record.
 */
export function useSendAgencyHandover(outbox: OutboxState) {
  const { t } = useTranslation('courier');
  const navigate = useNavigate();
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

  return { sentId, submit };
}
