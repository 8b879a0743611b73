import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Alert, Badge } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { SaveStatus } from '@/components/ui/save-status';
import { ApiError } from '@/lib/api-client';

import {
  previewSms,
  useSaveSetting,
  useSaveTemplate,
  useSettings,
  useSmsTemplates,
  type SettingItem,
  type SmsPreview,
  type SmsTemplate,
} from '../api/admin.api';
import styles from './admin.module.css';

function SettingRow({ item }: { item: SettingItem }) {
  const { t } = useTranslation('admin');
  const save = useSaveSetting();
  const saved = JSON.stringify(item.value, null, 1);
  const [text, setText] = useState(saved);
  const [parseError, setParseError] = useState<string>();
  const cancel = () => (setText(saved), setParseError(undefined), save.reset());
  const fieldErrors =
    save.error instanceof ApiError && save.error.fields
      ? Object.values(save.error.fields).join(' ')
      : undefined;
  return (
    <form
      className={styles.setting}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
      onSubmit={(e) => {
        e.preventDefault();
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          setParseError(t('settings.notJson'));
          return;
        }
        setParseError(undefined);
        save.mutate({ key: item.key, value });
      }}
    >
      <label className={styles.field}>
        <span>
          {t(`settings.keys.${item.key}` as 'settings.keys.job_due_working_days')}{' '}
          {item.isDefault && <Badge>{t('settings.default')}</Badge>}
        </span>
        <small>{t(`settings.hints.${item.key}` as 'settings.hints.job_due_working_days')}</small>
        <textarea
          rows={Math.min(8, text.split('\n').length + 1)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        {t('users.save')}
      </Button>
      {text !== saved && (
        <Button variant="ghost" onClick={cancel}>
          {t('settings.cancel')}
        </Button>
      )}
      {parseError || fieldErrors ? (
        <span role="alert" className={styles.error}>
          {parseError ?? fieldErrors}
        </span>
      ) : (
        <SaveStatus state={save} />
      )}
    </form>
  );
}

function TemplateEditor({ tpl }: { tpl: SmsTemplate }) {
  const { t } = useTranslation('admin');
  const save = useSaveTemplate();
  const [body, setBody] = useState(tpl.body);
  const [preview, setPreview] = useState<SmsPreview>();
  const [previewError, setPreviewError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const name = t(`sms.keys.${tpl.key}` as 'sms.keys.job_created', { defaultValue: tpl.key });
  // A save (or another admin's) changes the stored text: the editor starts from it again.
  const [stored, setStored] = useState(tpl.body);
  if (stored !== tpl.body) {
    setStored(tpl.body);
    setBody(tpl.body);
  }
  useEffect(() => {
    const timer = setTimeout(() => {
      previewSms({ body })
        .then((p) => (setPreview(p), setPreviewError(undefined)))
        .catch((e: Error) => setPreviewError(e.message));
    }, 300);
    return () => clearTimeout(timer);
  }, [body]);
  return (
    <section className={styles.template}>
      <h3>
        {name} {tpl.custom && <Badge tone="info">{t('sms.custom')}</Badge>}
      </h3>
      <small>{t('sms.vars', { vars: tpl.vars.map((v) => `{${v}}`).join(', ') })}</small>
      <textarea
        aria-label={t('sms.bodyOf', { key: tpl.key })}
        onKeyDown={(e) => e.key === 'Escape' && setBody(tpl.body)}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      {preview && (
        <div className={styles.preview} aria-label={t('sms.preview')}>
          <p>{preview.text}</p>
          <small>
            {t('sms.length', { length: preview.length, segments: preview.segments })}
            {preview.unknownVars.length > 0 &&
              ` · ${t('sms.unknown', { vars: preview.unknownVars.join(', ') })}`}
          </small>
        </div>
      )}
      {previewError && <span className={styles.error}>{previewError}</span>}
      <div className={styles.actions}>
        <Button
          variant="secondary"
          disabled={save.isPending || body === tpl.body}
          onClick={() => save.mutate({ key: tpl.key, body })}
        >
          {t('users.save')}
        </Button>
        {body !== tpl.body && (
          <Button variant="ghost" onClick={() => setBody(tpl.body)}>
            {t('sms.cancel')}
          </Button>
        )}
        {tpl.custom && (
          <Button variant="ghost" disabled={save.isPending} onClick={() => setAsking(true)}>
            {t('sms.restore')}
          </Button>
        )}
        <SaveStatus state={save} />
      </div>
      {asking && (
        <ConfirmDialog
          title={t('sms.restoreConfirm', { name })}
          confirmLabel={t('sms.restore')}
          busy={save.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            save.mutate({ key: tpl.key, body: null }, { onSettled: () => setAsking(false) })
          }
        >
          <p>{t('sms.restoreEffect')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Settings tab: time limits, office hours, bank account. */
export function AdminSettings() {
  const { t } = useTranslation('admin');
  const list = useSettings();
  return (
    <QueryView query={list}>
      {(items) => (
        <>
          <p>{t('settings.intro')}</p>
          {items.map((s) => (
            <SettingRow key={s.key} item={s} />
          ))}
        </>
      )}
    </QueryView>
  );
}

/** SMS tab: each template with a live preview filled with sample values. */
export function AdminSmsTemplates() {
  const { t } = useTranslation('admin');
  const list = useSmsTemplates();
  return (
    <QueryView query={list}>
      {(templates) => (
        <>
          <Alert>{t('sms.intro')}</Alert>
          {templates.map((tpl) => (
            <TemplateEditor key={tpl.key} tpl={tpl} />
          ))}
        </>
      )}
    </QueryView>
  );
}
