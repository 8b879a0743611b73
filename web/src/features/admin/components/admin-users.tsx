import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { namedOptions, SelectOptions } from '@/components/ui/select-options';
import { TextField } from '@/components/ui/text-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { ApiError } from '@/lib/api-client';

import { useAdminUnits, useAdminUsers, useCreateUser, type AdminUnit } from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';
import { ROLES, UserRow } from './admin-user-row';

function CreateUserForm({ units }: { units: AdminUnit[] }) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const { form, setForm, field } = useFormFields({
    username: '',
    fullName: '',
    role: 'operator',
    // Never silently the first unit of the list: the admin picks the new user's unit.
    unitId: '',
    password: '',
  });
  const [done, setDone] = useState<string>();
  const fields = create.error instanceof ApiError ? create.error.fields : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    create.mutate(form, {
      onSuccess: (u) => {
        setDone(t('users.created', { username: u.username }));
        setForm({ ...form, username: '', fullName: '', password: '' });
      },
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('users.createTitle')}>
      <TextField
        label={t('users.username')}
        {...field('username')}
        error={fields?.username}
        required
        autoComplete="off"
      />
      <TextField
        label={t('users.fullName')}
        {...field('fullName')}
        error={fields?.fullName}
        required
      />
      <label className={styles.field}>
        {t('users.role')}
        <select {...field('role')}>
          <SelectOptions options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </select>
      </label>
      <label className={styles.field}>
        {t('users.unit')}
        <select {...field('unitId')} required>
          <SelectOptions options={namedOptions(units)} placeholder={t('users.chooseUnit')} />
        </select>
      </label>
      <TextField
        label={t('users.password')}
        type="password"
        {...field('password')}
        hint={t('users.passwordHint')}
        error={fields?.password}
        required
        minLength={10}
        autoComplete="new-password"
      />
      <Button type="submit" disabled={create.isPending}>
        {t('users.create')}
      </Button>
      {create.error && !fields && <Alert tone="danger">{create.error.message}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
    </form>
  );
}

/** Users tab: create accounts, disable/enable, reset passwords, change role and unit. */
export function AdminUsers() {
  const { t } = useTranslation('admin');
  const users = useAdminUsers();
  const units = useAdminUnits();
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  if (!users.data || !units.data) return <LoadingState />;
  return (
    <>
      <h2>{t('users.createTitle')}</h2>
      <CreateUserForm units={units.data} />
      <h2>{t('users.listTitle', { count: users.data.length })}</h2>
      {users.data.length === 0 ? (
        <EmptyState title={t('users.empty')} />
      ) : (
        <AdminTable
          headings={[
            t('users.username'),
            t('users.role'),
            t('users.unit'),
            t('users.status'),
            t('users.actions'),
          ]}
        >
          {users.data.map((u) => (
            <UserRow key={u.id} user={u} units={units.data} />
          ))}
        </AdminTable>
      )}
    </>
  );
}
