import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { Section } from '@/components/ui/page';
import { QueryView } from '@/components/ui/query-view';
import { namedOptions, SelectOptions } from '@/components/ui/select-options';
import { TableHead } from '@/components/ui/table-head';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useUnits } from '@/lib/queries/units';

import {
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
} from '../api/api-keys.api';
import styles from './intake.module.css';

/** The new key's secret, shown this once, with a copy button and the warning. */
function SecretOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation('intake');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Alert tone="warning">
      <div className={styles.stack}>
        <strong>{t('keys.secretTitle', { name: created.key.name })}</strong>
        <p>{t('keys.secretWarning')}</p>
        <code className={styles.secret} aria-label={t('keys.secretLabel')}>
          {created.secret}
        </code>
        <div className={styles.row}>
          <Button onClick={() => void copy()}>{t('keys.copy')}</Button>
          <Button variant="secondary" onClick={onDone}>
            {t('keys.saved')}
          </Button>
          {copied && (
            <span role="status">{t(copied === 'yes' ? 'keys.copied' : 'keys.copyFailed')}</span>
          )}
        </div>
      </div>
    </Alert>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (c: CreatedApiKey) => void }) {
  const { t } = useTranslation('intake');
  const units = useUnits();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [picked, setUnitId] = useState('');
  // Until the admin picks one, the key is for the first unit listed (the select shows it).
  const unitId = picked || units.data?.[0]?.id || '';
  const [limit, setLimit] = useState('60');
  const fields = create.error instanceof ApiError ? create.error.fields : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        unitId,
        rateLimitPerMinute: Number(limit),
      },
      { onSuccess: (c) => (onCreated(c), setName('')) },
    );
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('keys.createTitle')}>
      <TextField
        label={t('keys.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields?.name}
        required
        maxLength={120}
        autoComplete="off"
      />
      <label className={styles.field}>
        {t('keys.unit')}
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <SelectOptions options={namedOptions(units.data ?? [])} />
        </select>
        {fields?.unitId && <span className={styles.problems}>{fields.unitId}</span>}
      </label>
      <TextField
        label={t('keys.limit')}
        type="number"
        min={1}
        max={600}
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        hint={t('keys.limitHint')}
        error={fields?.rateLimitPerMinute}
        required
      />
      <Button type="submit" disabled={create.isPending || !unitId}>
        {t('keys.create')}
      </Button>
      {create.error && !fields && <Alert tone="danger">{create.error.message}</Alert>}
    </form>
  );
}

function RevokeButton({ apiKey }: { apiKey: ApiKeyRecord }) {
  const { t } = useTranslation('intake');
  const revoke = useRevokeApiKey();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button
        variant="ghost"
        aria-label={t('keys.revokeOf', { name: apiKey.name })}
        onClick={() => setAsking(true)}
      >
        {t('keys.revoke')}
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t('keys.revokeOf', { name: apiKey.name })}>
      <p>{t('keys.confirm', { name: apiKey.name })}</p>
      <div className={styles.row}>
        <Button disabled={revoke.isPending} onClick={() => revoke.mutate(apiKey.id)}>
          {t('keys.confirmYes')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('keys.cancel')}
        </Button>
      </div>
      {revoke.error && <p className={styles.problems}>{revoke.error.message}</p>}
    </div>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeyRecord }) {
  const { t } = useTranslation('intake');
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}</code>
      </td>
      <td>{apiKey.unit.name}</td>
      <td>{t('keys.perMinute', { count: apiKey.rateLimitPerMinute })}</td>
      <td>
        {formatDateTime(apiKey.createdAt)}
        {apiKey.createdBy && <br />}
        {apiKey.createdBy?.fullName}
      </td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : t('keys.never')}</td>
      <td>
        {apiKey.revokedAt ? (
          <Badge tone="danger">
            {t('keys.revoked', { when: formatDateTime(apiKey.revokedAt) })}
          </Badge>
        ) : (
          <Badge tone="success">{t('keys.active')}</Badge>
        )}
      </td>
      <td>{!apiKey.revokedAt && <RevokeButton apiKey={apiKey} />}</td>
    </tr>
  );
}

/** The agencies' intake API keys: create (secret shown once), list, revoke. */
export function ApiKeys() {
  const { t } = useTranslation('intake');
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <>
      <Section title={t('keys.title')}>
        <p>{t('keys.intro')}</p>
        {created ? (
          <SecretOnce created={created} onDone={() => setCreated(null)} />
        ) : (
          <CreateKeyForm onCreated={setCreated} />
        )}
      </Section>
      <Section title={t('keys.listTitle', { count: keys.data?.length ?? 0 })}>
        <QueryView query={keys} empty={<EmptyState headingLevel={3} title={t('keys.empty')} />}>
          {(items) => (
            <div className={styles.tableWrap}>
              <table
                className={styles.table}
                aria-label={t('keys.listTitle', { count: items.length })}
              >
                <TableHead
                  scope="col"
                  columns={[
                    t('keys.name'),
                    t('keys.prefix'),
                    t('keys.unit'),
                    t('keys.limit'),
                    t('keys.created'),
                    t('keys.lastUsed'),
                    t('keys.status'),
                    '',
                  ]}
                />
                <tbody>
                  {items.map((k) => (
                    <KeyRow key={k.id} apiKey={k} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
    </>
  );
}
