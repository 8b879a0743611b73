import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '@tannha/shared';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { TextField } from '@/components/ui/text-field';

import {
  CatalogueRefused,
  useAdminProcedures,
  useUpdateProcedure,
  useUploadCatalogue,
  type AdminProcedure,
} from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';

function ImportForm() {
  const { t } = useTranslation('admin');
  const upload = useUploadCatalogue();
  const [file, setFile] = useState<File>();
  const problems = upload.error instanceof CatalogueRefused ? upload.error.problems : [];
  return (
    <section>
      <p>{t('catalogue.intro')}</p>
      <details>
        <summary>{t('catalogue.columnsTitle')}</summary>
        <p>{t('catalogue.columns')}</p>
      </details>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <label className={styles.field}>
          {t('catalogue.file')}
          <input
            type="file"
            accept=".csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <Button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? t('catalogue.importing') : t('catalogue.import')}
        </Button>
      </form>
      {upload.data && <Alert tone="success">{t('catalogue.done', upload.data)}</Alert>}
      {upload.error && <Alert tone="danger">{upload.error.message}</Alert>}
      {problems.length > 0 && (
        <ul className={styles.problems} aria-label={t('catalogue.problems')}>
          {problems.map((p, i) => (
            <li key={i}>
              {t('catalogue.problem', { line: p.line, field: p.field })} {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProcedureRow({ p }: { p: AdminProcedure }) {
  const { t } = useTranslation('admin');
  const update = useUpdateProcedure();
  const [fee, setFee] = useState(String(p.feeVnd));
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      <td>{p.code}</td>
      <td>
        {p.name}
        <br />
        <small>
          {p.agency} · {p.field}
        </small>
      </td>
      <td>{t('catalogue.days', { count: p.processingDays })}</td>
      <td>
        {editing ? (
          <form
            className={styles.inline}
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { id: p.id, feeVnd: Number(fee) },
                { onSuccess: () => setEditing(false) },
              );
            }}
          >
            <TextField
              label={t('catalogue.fee')}
              inputMode="numeric"
              value={fee}
              onChange={(e) => setFee(e.target.value.replace(/\D/g, ''))}
            />
            <Button type="submit" disabled={update.isPending}>
              {t('users.save')}
            </Button>
          </form>
        ) : (
          <Button
            variant="ghost"
            onClick={() => setEditing(true)}
            aria-label={t('catalogue.editFee', { code: p.code })}
          >
            {formatVnd(p.feeVnd)}
          </Button>
        )}
      </td>
      <td>{formatVnd(p.postalChargeVnd)}</td>
      <td>
        {p.active ? (
          <Badge tone="success">{t('catalogue.active')}</Badge>
        ) : (
          <Badge>{t('catalogue.inactive')}</Badge>
        )}{' '}
        <Button
          variant="secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: p.id, active: !p.active })}
        >
          {p.active ? t('catalogue.deactivate') : t('catalogue.activate')}
        </Button>
        {update.error && (
          <span role="alert" className={styles.error}>
            {update.error.message}
          </span>
        )}
      </td>
    </tr>
  );
}

/** Catalogue tab: import a CSV/JSON file, search, edit fees, deactivate. */
export function AdminCatalogue() {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const list = useAdminProcedures(q, inactive);
  return (
    <>
      <h2>{t('catalogue.importTitle')}</h2>
      <ImportForm />
      <h2>{t('catalogue.listTitle')}</h2>
      <div className={styles.form}>
        <TextField label={t('catalogue.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Checkbox
          className={styles.check}
          label={t('catalogue.showInactive')}
          checked={inactive}
          onChange={setInactive}
        />
      </div>
      <QueryView query={list} empty={<EmptyState title={t('catalogue.empty')} />}>
        {(items) => (
          <AdminTable
            headings={[
              t('catalogue.code'),
              t('catalogue.name'),
              t('catalogue.processing'),
              t('catalogue.fee'),
              t('catalogue.postal'),
              t('users.status'),
            ]}
          >
            {items.map((p) => (
              <ProcedureRow key={p.id} p={p} />
            ))}
          </AdminTable>
        )}
      </QueryView>
    </>
  );
}
