import { ResultPickupInputSchema } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';

import type { ResultPickupBody } from '../hooks/use-send-result-pickup';
import styles from './courier.module.css';
import { SignaturePad } from './signature-pad';

/** The agency the courier collected from last time: most days it is the same counter. */
const LAST_AGENCY_KEY = 'tannha.counterPickup.agency';

const readLastAgency = () => {
  try {
    return localStorage.getItem(LAST_AGENCY_KEY) ?? '';
  } catch {
    return '';
  }
};

/** A drawn signature as the data URL the record carries. */
function toDataUrl(png: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('signature unreadable'));
    reader.readAsDataURL(png);
  });
}

type Errors = Partial<Record<'codes' | 'agencyName' | 'clerkName' | 'signature', string>>;

export type CounterPickupFormProps = {
  /** The codes the server accepted: the batch the clerk signs for. */
  codes: string[];
  /** Whether the phone has a network now (the record is queued either way). */
  online: boolean;
  onSubmit: (body: ResultPickupBody) => void;
};

/**
 * Who handed the results over: the agency (the last one remembered), the clerk's name and
 * signature on the glass, then one action for the whole batch.
 */
export function CounterPickupForm({ codes, online, onSubmit }: CounterPickupFormProps) {
  const { t } = useTranslation('courier');
  const [agencyName, setAgencyName] = useState(readLastAgency);
  const [clerkName, setClerkName] = useState('');
  const [signature, setSignature] = useState<Blob | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const clear = (field: keyof Errors) =>
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  const submit = async () => {
    const clerkSignature = signature ? await toDataUrl(signature) : '';
    const body: ResultPickupBody = { codes, agencyName, clerkName, clerkSignature };
    // The shared schema holds the rules; the words are the screen's.
    const parsed = ResultPickupInputSchema.safeParse(body);
    const next: Errors = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'agencyName') next.agencyName = t('counter.errAgency');
      else if (field === 'clerkName') next.clerkName = t('counter.errClerk');
      else if (field === 'codes') next.codes = t('counter.errNone');
    }
    if (!signature) next.signature = t('counter.errSignature');
    setErrors(next);
    if (!parsed.success || Object.keys(next).some((k) => next[k as keyof Errors])) return;
    try {
      localStorage.setItem(LAST_AGENCY_KEY, parsed.data.agencyName);
    } catch {
      // A private window: nothing remembered, nothing lost.
    }
    onSubmit({ ...body, agencyName: parsed.data.agencyName, clerkName: parsed.data.clerkName });
  };

  return (
    <section className={styles.card} aria-labelledby="counter-sign-h">
      <h2 id="counter-sign-h">{t('counter.signTitle')}</h2>
      <TextField
        label={t('counter.agencyName')}
        value={agencyName}
        maxLength={200}
        autoComplete="organization"
        hint={t('counter.agencyHint')}
        error={errors.agencyName}
        onChange={(e) => {
          clear('agencyName');
          setAgencyName(e.target.value);
        }}
      />
      <TextField
        label={t('counter.clerkName')}
        value={clerkName}
        maxLength={120}
        autoComplete="off"
        error={errors.clerkName}
        onChange={(e) => {
          clear('clerkName');
          setClerkName(e.target.value);
        }}
      />
      <SignaturePad
        label={t('counter.clerkSignature')}
        onChange={(png) => {
          if (png) clear('signature');
          setSignature(png);
        }}
      />
      {errors.signature && (
        <p className={styles.errorText} role="alert">
          {errors.signature}
        </p>
      )}
      {errors.codes && (
        <p className={styles.errorText} role="alert">
          {errors.codes}
        </p>
      )}
      {!online && <Alert tone="warning">{t('counter.offline')}</Alert>}
      <Button block onClick={() => void submit()} data-testid="pickup-submit">
        {t('counter.submit', { count: codes.length })}
      </Button>
    </section>
  );
}
