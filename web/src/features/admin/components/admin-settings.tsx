import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime } from '@tannha/shared';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { SelectOptions } from '@/components/ui/select-options';
import { ApiError } from '@/lib/api-client';

import {
  previewSms,
  useAudit,
  useSaveSetting,
  useSaveTemplate,
  useSettings,
  useSmsTemplates,
  type SettingItem,
  type SmsPreview,
  type SmsTemplate,
} from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';

function SettingRow({ item }: { item: SettingItem }) {
  const { t } = useTranslation('admin');
  const save = useSaveSetting();
  const [text, setText] = useState(JSON.stringify(item.value, null, 1));
  const [parseError, setParseError] = useState<string>();
  const fieldErrors =
    save.error instanceof ApiError && save.error.fields
      ? Object.values(save.error.fields).join(' ')
      : undefined;
  return (
    <form
      className={styles.setting}
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
      {save.isSuccess && <span role="status">{t('settings.saved')}</span>}
      {(parseError || save.error) && (
        <span role="alert" className={styles.error}>
          {parseError ?? fieldErrors ?? save.error?.message}
        </span>
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
        {t(`sms.keys.${tpl.key}` as 'sms.keys.job_created', { defaultValue: tpl.key })}{' '}
        {tpl.custom && <Badge tone="info">{t('sms.custom')}</Badge>}
      </h3>
      <small>{t('sms.vars', { vars: tpl.vars.map((v) => `{${v}}`).join(', ') })}</small>
      <textarea
        aria-label={t('sms.bodyOf', { key: tpl.key })}
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
        {tpl.custom && (
          <Button
            variant="ghost"
            disabled={save.isPending}
            onClick={() => save.mutate({ key: tpl.key, body: null })}
          >
            {t('sms.restore')}
          </Button>
        )}
        {save.error && (
          <span role="alert" className={styles.error}>
            {save.error.message}
          </span>
        )}
      </div>
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
            <TemplateEditor key={`${tpl.key}:${tpl.body}`} tpl={tpl} />
          ))}
        </>
      )}
    </QueryView>
  );
}

const ENTITY_TYPES = [
  '',
  'user',
  'unit',
  'procedure',
  'holiday',
  'setting',
  'sms_template',
] as const;

/** Audit tab: who changed what, when, before and after. */
export function AdminAudit() {
  const { t } = useTranslation('admin');
  const [type, setType] = useState('');
  const list = useAudit(type);
  return (
    <>
      <label className={styles.field}>
        {t('audit.filter')}
        <select value={type} onChange={(e) => setType(e.target.value)}>
          <SelectOptions
            options={ENTITY_TYPES.map((e) => ({
              value: e,
              label: t(`audit.types.${e || 'all'}` as 'audit.types.all'),
            }))}
          />
        </select>
      </label>
      <QueryView query={list} empty={<EmptyState title={t('audit.empty')} />}>
        {(entries) => (
          <AdminTable
            headings={[
              t('audit.at'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.before'),
              t('audit.after'),
            ]}
          >
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatVnDateTime(new Date(e.at))}</td>
                <td>{e.actor?.username ?? t('audit.system')}</td>
                <td>
                  {e.action}
                  <br />
                  <small>{e.entityId}</small>
                </td>
                <td>
                  <code className={styles.json}>
                    {e.before === null ? '—' : JSON.stringify(e.before)}
                  </code>
                </td>
                <td>
                  <code className={styles.json}>
                    {e.after === null ? '—' : JSON.stringify(e.after)}
                  </code>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </QueryView>
    </>
  );
}
