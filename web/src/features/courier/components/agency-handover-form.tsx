import {
  AgencyHandoverInputSchema,
  type AgencyHandoverCandidate,
  type AgencyHandoverInput,
} from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { cx } from '@/lib/cx';

import { agenciesOf, type HandoverDraft, type HandoverItemDraft } from '../utils/agency-handover';
import s from './agency-handover.module.css';
import styles from './courier.module.css';
import { SignaturePad } from './signature-pad';

/** The record as the form hands it over: what `POST /api/agency-handovers` takes, minus the signature. */
export type AgencyHandoverBody = Pick<AgencyHandoverInput, 'agencyName' | 'clerkName' | 'items'>;

export type AgencyHandoverFormProps = {
  /** The dossiers that may be handed over (none of them already in a queued record). */
  candidates: AgencyHandoverCandidate[];
  draft: HandoverDraft;
  onDraftChange: (draft: HandoverDraft) => void;
  /** Whether the phone has a network now (the record is queued either way). */
  online: boolean;
  /** Called with a record that passed the shared rules and the clerk's signature (PNG). */
  onSubmit: (body: AgencyHandoverBody, signature: Blob) => void;
};

type Errors = Partial<Record<'items' | 'agencyName' | 'clerkName' | 'signature', string>>;

/**
 * The handover record on the phone: the dossiers to hand over (all picked at first), complete
 * or with missing papers and a note, the receiving agency (filled in when the dossiers share
 * one), the counter clerk's name and signature.
 */
export function AgencyHandoverForm({
  candidates,
  draft,
  onDraftChange,
  online,
  onSubmit,
}: AgencyHandoverFormProps) {
  const { t } = useTranslation('courier');
  const [signature, setSignature] = useState<Blob | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  const itemOf = (c: AgencyHandoverCandidate): HandoverItemDraft =>
    draft.items[c.jobId] ?? {
      picked: true,
      complete: c.complete,
      note: c.missing.length > 0 ? t('agency.missingNote', { list: c.missing.join(', ') }) : '',
    };
  // A message goes as soon as its field is touched again: what stays is still to be fixed.
  const clear = (field: keyof Errors) =>
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  const setItem = (c: AgencyHandoverCandidate, patch: Partial<HandoverItemDraft>) => {
    clear('items');
    onDraftChange({
      ...draft,
      items: { ...draft.items, [c.jobId]: { ...itemOf(c), ...patch } },
    });
  };

  const picked = candidates.filter((c) => itemOf(c).picked);
  const agencies = agenciesOf(picked);
  const suggested = agencies.length === 1 ? agencies[0]! : '';
  const agencyName = draft.agencyName ?? suggested;

  const submit = () => {
    const body: AgencyHandoverBody = {
      agencyName,
      clerkName: draft.clerkName,
      items: picked.map((c) => {
        const it = itemOf(c);
        const note = it.note.trim();
        return { jobId: c.jobId, complete: it.complete, ...(note ? { note } : {}) };
      }),
    };
    // The shared schema holds the rules (lengths, at least one dossier); the words are ours.
    const parsed = AgencyHandoverInputSchema.safeParse(body);
    const next: Errors = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'agencyName') next.agencyName = t('agency.errAgency');
      else if (field === 'clerkName') next.clerkName = t('agency.errClerk');
      else if (field === 'items')
        next.items = issue.path.length > 1 ? t('agency.errNote') : t('agency.errNone');
    }
    if (!signature) next.signature = t('agency.errSignature');
    setErrors(next);
    if (!parsed.success || !signature || Object.keys(next).length > 0) return;
    onSubmit(body, signature);
  };

  return (
    <section className={styles.card} aria-labelledby="agency-form-h">
      <h2 id="agency-form-h">{t('agency.dossiers')}</h2>
      <p className={styles.muted}>
        {t('agency.picked', { picked: picked.length, total: candidates.length })}
      </p>
      <ul className={s.items} aria-labelledby="agency-form-h">
        {candidates.map((c) => {
          const it = itemOf(c);
          return (
            <li key={c.jobId} className={cx(s.item, !it.picked && s.off)}>
              <label className={s.itemHead}>
                <input
                  type="checkbox"
                  checked={it.picked}
                  onChange={(e) => setItem(c, { picked: e.target.checked })}
                />
                <span className={s.itemText}>
                  <strong>{c.citizenName}</strong>
                  <small className={s.itemSlip}>{t('agency.slip', { no: c.slipNo })}</small>
                  <small>{c.jobCode}</small>
                  {c.procedureName && <small>{c.procedureName}</small>}
                </span>
              </label>
              {it.picked && (
                <>
                  <fieldset className={s.toggle}>
                    <legend className="visually-hidden">
                      {t('agency.stateOf', { code: c.jobCode })}
                    </legend>
                    <label>
                      <input
                        type="radio"
                        name={`complete-${c.jobId}`}
                        checked={it.complete}
                        onChange={() => setItem(c, { complete: true })}
                      />
                      {t('agency.complete')}
                    </label>
                    <label className={s.missing}>
                      <input
                        type="radio"
                        name={`complete-${c.jobId}`}
                        checked={!it.complete}
                        onChange={() => setItem(c, { complete: false })}
                      />
                      {t('agency.incomplete')}
                    </label>
                  </fieldset>
                  <TextField
                    label={t('agency.noteOf', { code: c.jobCode })}
                    value={it.note}
                    maxLength={300}
                    onChange={(e) => setItem(c, { note: e.target.value })}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
      {errors.items && (
        <p className={styles.errorText} role="alert">
          {errors.items}
        </p>
      )}
      <TextField
        label={t('agency.agencyName')}
        value={agencyName}
        maxLength={200}
        autoComplete="organization"
        hint={
          draft.agencyName === null && suggested
            ? t('agency.agencyPrefilled')
            : agencies.length > 1
              ? t('agency.agencyMixed', { list: agencies.join('; ') })
              : undefined
        }
        error={errors.agencyName}
        onChange={(e) => {
          clear('agencyName');
          onDraftChange({ ...draft, agencyName: e.target.value });
        }}
      />
      <TextField
        label={t('agency.clerkName')}
        value={draft.clerkName}
        maxLength={120}
        autoComplete="off"
        error={errors.clerkName}
        onChange={(e) => {
          clear('clerkName');
          onDraftChange({ ...draft, clerkName: e.target.value });
        }}
      />
      <SignaturePad
        label={t('agency.clerkSignature')}
        onChange={(png) => {
          if (png) clear('signature');
          setSignature(png);
        }}
      />
      <p className={styles.muted}>{t('agency.signHint')}</p>
      {errors.signature && (
        <p className={styles.errorText} role="alert">
          {errors.signature}
        </p>
      )}
      {!online && <Alert tone="warning">{t('agency.offline')}</Alert>}
      <Button block onClick={submit}>
        {t('agency.submit', { count: picked.length })}
      </Button>
    </section>
  );
}
