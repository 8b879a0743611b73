import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '@tannha/shared';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { SaveStatus } from '@/components/ui/save-status';
import { TextField } from '@/components/ui/text-field';

import {
  CatalogueRefused,
  useAdminProcedures,
  useUpdateProcedure,
  useUploadCatalogue,
  type AdminProcedure,
} from '../api/admin.api';
import styles from './admin.module.css';
import { ProcedureForm } from './admin-procedure-form';
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

/** The fee edited in place: Save, or Cancel (or Esc) to put the old amount back. */
function FeeCell({ p }: { p: AdminProcedure }) {
  const { t } = useTranslation('admin');
  const update = useUpdateProcedure();
  const [fee, setFee] = useState(String(p.feeVnd));
  const [editing, setEditing] = useState(false);
  const cancel = () => (setFee(String(p.feeVnd)), setEditing(false), update.reset());
  if (!editing)
    return (
      <>
        <Button
          variant="ghost"
          onClick={() => (setFee(String(p.feeVnd)), setEditing(true))}
          aria-label={t('catalogue.editFee', { code: p.code, fee: formatVnd(p.feeVnd) })}
        >
          {formatVnd(p.feeVnd)}
        </Button>
        <SaveStatus state={update} />
      </>
    );
  return (
    <form
      className={styles.inline}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: p.id, feeVnd: Number(fee) }, { onSuccess: () => setEditing(false) });
      }}
    >
      <TextField
        label={t('catalogue.fee')}
        inputMode="numeric"
        value={fee}
        onChange={(e) => setFee(e.target.value.replace(/\D/g, ''))}
        error={update.error?.message}
      />
      <Button type="submit" disabled={update.isPending}>
        {t('users.save')}
      </Button>
      <Button variant="ghost" onClick={cancel}>
        {t('edit.cancel')}
      </Button>
    </form>
  );
}

function ProcedureRow({ p, onEdit }: { p: AdminProcedure; onEdit: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateProcedure();
  return (
    <tr>
      <td>{p.code}</td>
      <td>
        {p.name}
        <br />
        <small>
          {p.agency} · {p.field} · {t('catalogue.paperCount', { count: p.requiredPapers.length })}
        </small>
      </td>
      <td>{t('catalogue.days', { count: p.processingDays })}</td>
      <td>
        <FeeCell p={p} />
      </td>
      <td>{formatVnd(p.postalChargeVnd)}</td>
      <td className={styles.actions}>
        {p.active ? (
          <Badge tone="success">{t('catalogue.active')}</Badge>
        ) : (
          <Badge>{t('catalogue.inactive')}</Badge>
        )}
        <Button
          variant="secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: p.id, active: !p.active })}
        >
          {p.active ? t('catalogue.deactivate') : t('catalogue.activate')}
        </Button>
        <Button
          variant="secondary"
          onClick={onEdit}
          aria-label={t('catalogue.editOf', { code: p.code })}
        >
          {t('catalogue.edit')}
        </Button>
        <SaveStatus state={update} />
      </td>
    </tr>
  );
}

/** Catalogue tab: add or edit one procedure, import a file, search, edit fees, deactivate. */
export function AdminCatalogue() {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<AdminProcedure | 'new'>();
  const [saved, setSaved] = useState<string>();
  const list = useAdminProcedures(q, inactive);
  const done = (p?: AdminProcedure) => {
    setEditing(undefined);
    setSaved(p ? t('procedure.saved', { code: p.code, name: p.name }) : undefined);
  };
  return (
    <>
      <h2>{t('catalogue.listTitle')}</h2>
      {editing ? (
        <ProcedureForm
          key={editing === 'new' ? 'new' : editing.id}
          procedure={editing === 'new' ? undefined : editing}
          onDone={done}
        />
      ) : (
        <Button onClick={() => (setSaved(undefined), setEditing('new'))}>
          {t('procedure.addTitle')}
        </Button>
      )}
      {saved && <Alert tone="success">{saved}</Alert>}
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
              <ProcedureRow
                key={p.id}
                p={p}
                onEdit={() => (setSaved(undefined), setEditing(p), window.scrollTo({ top: 0 }))}
              />
            ))}
          </AdminTable>
        )}
      </QueryView>
      <h2>{t('catalogue.importTitle')}</h2>
      <ImportForm />
    </>
  );
}
