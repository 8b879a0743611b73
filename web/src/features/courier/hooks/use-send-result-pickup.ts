import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { RESULT_PICKUP_URL } from '../api/result-pickups.api';
import { queueJson } from '../offline/actions';
import { discard, findResultId, type OutboxState } from '../offline/outbox';

/** The counter pickup record as the form hands it over (the signature as a PNG data URL). */
export type ResultPickupBody = {
  codes: string[];
  agencyName: string;
  clerkName: string;
  clerkSignature: string;
};

/**
 * Queues a counter pickup record through the outbox (its time and place stamped at the tap,
 * its Idempotency-Key the action's id) and, once sent, opens the record. While it waits the
 * screen shows it; refused by the server, `refusal` holds the reason and `edit` drops it so
 * the courier can correct the batch and sign again.
 */
export function useSendResultPickup(outbox: OutboxState) {
  const { t } = useTranslation('courier');
  const navigate = useNavigate();
  const [sentId, setSentId] = useState<string | null>(null);
  const queueing = useRef(false);
  const action = sentId ? outbox.actions.find((a) => a.id === sentId) : undefined;

  useEffect(() => {
    if (!sentId || outbox.actions.some((a) => a.id === sentId)) return;
    let live = true;
    void findResultId(sentId).then((recordId) => {
      if (!live) return;
      if (recordId)
        void navigate(`/courier/counter-pickup/${recordId}`, {
          replace: true,
          state: { created: true },
        });
      else setSentId(null);
    });
    return () => {
      live = false;
    };
  }, [sentId, outbox.actions, navigate]);

  const submit = async (body: ResultPickupBody) => {
    if (queueing.current) return;
    queueing.current = true;
    try {
      const label = t('counter.queued', { count: body.codes.length });
      setSentId(await queueJson(null, RESULT_PICKUP_URL, body, label));
    } finally {
      queueing.current = false;
    }
  };

  const edit = async () => {
    if (action?.seq !== undefined) await discard(action.seq);
    setSentId(null);
  };

  return {
    sending: sentId !== null,
    refusal: action?.state === 'failed' ? (action.error ?? '') : null,
    submit,
    edit,
  };
}
