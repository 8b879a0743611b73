import { CALL_CATEGORIES, type Call } from '@tannha/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';

import type { CallDraft } from '../utils/drafts';
import { Field, SelectField } from './field';
import styles from './operator-console.module.css';

/** What an unknown caller is asked first: their name and address. */
const CALLER_FIELDS = [
  ['callerName', 'call.callerName'],
  ['addressText', 'call.callerAddress'],
] as const;

export type CallDetailsFormProps = {
  call: Call;
  draft: CallDraft;
  onChange: (patch: Partial<CallDraft>) => void;
  closed: boolean;
  onSubmit: (e: FormEvent) => void;
  /** Opens the job form; offered while the call is open and has no job yet. */
  onOpenJob: () => void;
  onClose: () => void;
  saving: boolean;
  saved: boolean;
  closing: boolean;
  /** Why saving failed, if it did. */
  error: string | undefined;
  /** Why closing failed, if it did. */
  closeError: string | undefined;
};

/** What the call is about: the caller (when unknown), the category and the caller's words. */
export function CallDetailsForm(props: CallDetailsFormProps) {
  const { call, draft, onChange, closed, error } = props;
  const { t } = useTranslation('operator');
  return (
    <form onSubmit={props.onSubmit} className={styles.form}>
      {!call.citizenId && (
        <div className={styles.row}>
          {CALLER_FIELDS.map(([key, label]) => (
            <Field key={key} label={t(label)}>
              <input
                value={draft[key]}
                onChange={(e) => onChange({ [key]: e.target.value })}
                disabled={closed}
                autoComplete="off"
              />
            </Field>
          ))}
        </div>
      )}
      <div className={styles.row}>
        <SelectField
          id="call-category"
          label={t('call.category')}
          value={draft.category}
          onChange={(category) => onChange({ category })}
          disabled={closed}
          placeholder={t('call.chooseCategory')}
          options={CALL_CATEGORIES.map((c, i) => ({
            value: c,
            label: (
              <>
                {i + 1} · {t(`category.${c}`)}
              </>
            ),
          }))}
        />
      </div>
      <Field
        label={
          <>
            {t('call.content')} <kbd>Alt+C</kbd>
          </>
        }
      >
        <textarea
          id="call-content"
          rows={3}
          value={draft.content}
          onChange={(e) => onChange({ content: e.target.value })}
          disabled={closed}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" variant="secondary" disabled={closed || props.saving}>
          {t('call.save')} <kbd>Ctrl+Enter</kbd>
        </Button>
        {!closed && !call.jobId && (
          <Button variant="secondary" onClick={props.onOpenJob}>
            {t('call.createJob')} <kbd>Alt+J</kbd>
          </Button>
        )}
        {!closed && (
          <Button variant="ghost" onClick={props.onClose} disabled={props.closing}>
            {t('call.close')} <kbd>Alt+L</kbd>
          </Button>
        )}
        {props.saved && !error && (
          <span role="status" className={styles.ok}>
            {t('call.saved')}
          </span>
        )}
      </div>
      {error && <Alert tone="danger">{error}</Alert>}
      {props.closeError && <Alert tone="danger">{props.closeError}</Alert>}
    </form>
  );
}
