import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { SaveStatus } from '@/components/ui/save-status';
import { namedOptions, SelectOptions } from '@/components/ui/select-options';
import { TextField } from '@/components/ui/text-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { ApiError } from '@/lib/api-client';

import { useAdminUnits, useCreateUnit, useUpdateUnit, type AdminUnit } from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';

function UnitRow({ unit, parent }: { unit: AdminUnit; parent: string | undefined }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUnit();
  const [name, setName] = useState(unit.name);
  const cancel = () => (setName(unit.name), update.reset());
  return (
    <tr>
      <td>{unit.code}</td>
      <td>
        <form
          className={styles.inline}
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: unit.id, name });
          }}
        >
          <TextField
            label={t('units.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            disabled={update.isPending || name === unit.name}
          >
            {t('units.rename')}
          </Button>
          {name !== unit.name && (
            <Button variant="ghost" onClick={cancel}>
              {t('edit.cancel')}
            </Button>
          )}
        </form>
        <SaveStatus state={update} />
      </td>
      <td>{parent ?? '—'}</td>
      <td>{unit.address}</td>
    </tr>
  );
}

/** Units tab: the caller's units, add one below, rename. */
export function AdminOrgUnits() {
  const { t } = useTranslation('admin');
  const list = useAdminUnits();
  const create = useCreateUnit();
  const { form, setForm, field } = useFormFields({ code: '', name: '', parentId: '', address: '' });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <LoadingState />;
  const names = new Map(list.data.map((u) => [u.id, u.name]));
  const fields = create.error instanceof ApiError ? create.error.fields : undefined;
  return (
    <>
      <h2>{t('units.createTitle')}</h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...form, parentId: form.parentId || list.data[0]!.id },
            {
              onSuccess: () =>
                setForm({ code: '', name: '', parentId: form.parentId, address: '' }),
            },
          );
        }}
      >
        <TextField label={t('units.code')} {...field('code')} error={fields?.code} required />
        <TextField label={t('units.name')} {...field('name')} error={fields?.name} required />
        <label className={styles.field}>
          {t('units.parent')}
          <select {...field('parentId')}>
            <SelectOptions options={namedOptions(list.data)} />
          </select>
        </label>
        <TextField label={t('units.address')} {...field('address')} />
        <Button type="submit" disabled={create.isPending}>
          {t('units.create')}
        </Button>
      </form>
      {create.data && (
        <Alert tone="success">{t('units.created', { code: create.data.code })}</Alert>
      )}
      {create.error && !fields && <Alert tone="danger">{create.error.message}</Alert>}
      {list.data.length === 0 ? (
        <EmptyState title={t('units.empty')} />
      ) : (
        <AdminTable
          headings={[t('units.code'), t('units.name'), t('units.parent'), t('units.address')]}
        >
          {list.data.map((u) => (
            <UnitRow key={u.id} unit={u} parent={u.parentId ? names.get(u.parentId) : undefined} />
          ))}
        </AdminTable>
      )}
    </>
  );
}
