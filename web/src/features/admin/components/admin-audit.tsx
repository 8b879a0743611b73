import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime } from '@tannha/shared';

import { EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { SelectOptions } from '@/components/ui/select-options';

import { useAdminUnits, useAdminUsers, useAudit, type AuditItem } from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';
import { auditChanges, auditSubject, maskDeep, type AuditWords } from './audit-readable';

const ENTITY_TYPES = [
  '',
  'user',
  'unit',
  'procedure',
  'holiday',
  'setting',
  'sms_template',
] as const;

/** The screen's words for the audit trail: field labels, value words, names by id. */
function useAuditWords(): AuditWords {
  const { t } = useTranslation('admin');
  const units = useAdminUnits();
  const users = useAdminUsers();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const u of units.data ?? []) names.set(u.id, u.name);
    for (const u of users.data ?? []) names.set(u.id, `${u.fullName} (${u.username})`);
    return {
      field: (key) => t(`audit.fields.${key}` as 'audit.fields.value', { defaultValue: key }),
      valueWord: (key, value) =>
        key === 'role'
          ? t(`roles.${value}` as 'roles.courier', { defaultValue: value })
          : key === 'kind'
            ? t(`audit.kinds.${value}` as 'audit.kinds.holiday', { defaultValue: value })
            : undefined,
      yes: t('audit.yes'),
      no: t('audit.no'),
      internalId: t('audit.internalId'),
      recordName: (id) => names.get(id),
    };
  }, [t, units.data, users.data]);
}

/** One entry: who, what in a phrase, on which record, the changed fields, raw JSON hidden. */
function AuditRow({ e, words }: { e: AuditItem; words: AuditWords }) {
  const { t } = useTranslation('admin');
  const subject = auditSubject(e, words);
  const setting = e.entityType === 'setting' || e.entityType === 'sms_template';
  const changes = auditChanges(e, words);
  return (
    <tr>
      <td>{formatVnDateTime(new Date(e.at))}</td>
      <td>
        {e.actor ? (e.actor.fullName ?? e.actor.username ?? t('audit.unknown')) : t('audit.system')}
        {e.actor?.fullName && e.actor.username && (
          <>
            <br />
            <small>{e.actor.username}</small>
          </>
        )}
      </td>
      <td>
        <strong>
          {t(`audit.actions.${e.action}` as 'audit.actions.user.create', {
            defaultValue: e.action,
          })}
        </strong>
        {subject && (
          <>
            <br />
            {setting
              ? t(`settings.keys.${subject}` as 'settings.keys.job_due_working_days', {
                  defaultValue: t(`sms.keys.${subject}` as 'sms.keys.job_created', {
                    defaultValue: subject,
                  }),
                })
              : subject}
          </>
        )}
      </td>
      <td>
        {changes.length > 0 && (
          <ul className={styles.changes}>
            {changes.map((c) => (
              <li key={c.field}>
                <strong>{c.field}:</strong>{' '}
                {c.before !== undefined && c.after !== undefined
                  ? `${c.before} → ${c.after}`
                  : (c.after ?? c.before)}
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary>{t('audit.technical')}</summary>
          <code className={styles.json}>
            {JSON.stringify(
              {
                action: e.action,
                entityType: e.entityType,
                entityId: e.entityId,
                before: maskDeep(e.before),
                after: maskDeep(e.after),
              },
              null,
              1,
            )}
          </code>
        </details>
      </td>
    </tr>
  );
}

/** Audit tab: who changed what, when, on which record, and which fields, in words. */
export function AdminAudit() {
  const { t } = useTranslation('admin');
  const [type, setType] = useState('');
  const list = useAudit(type);
  const words = useAuditWords();
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
            headings={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.changes')]}
          >
            {entries.map((e) => (
              <AuditRow key={e.id} e={e} words={words} />
            ))}
          </AdminTable>
        )}
      </QueryView>
    </>
  );
}
