import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { namedOptions, SelectOptions } from '@/components/ui/select-options';
import { TextField } from '@/components/ui/text-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { ApiError } from '@/lib/api-client';

import {
  useAdminUnits,
  useAdminUsers,
  useCreateUser,
  useResetPassword,
  useUnlockLogin,
  useUpdateUser,
  type AdminUnit,
  type AdminUser,
} from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';

const ROLES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;

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

/** Lifts the sign-in throttling someone's wrong guesses put on this user (they phoned in). */
function UnlockLoginButton({ user }: { user: AdminUser }) {
  const { t } = useTranslation('admin');
  const unlock = useUnlockLogin();
  return (
    <>
      <Button
        variant="ghost"
        disabled={unlock.isPending}
        onClick={() => unlock.mutate({ id: user.id })}
      >
        {t('users.unlockLogin')}
      </Button>
      {unlock.data && (
        <span role="status">
          {t(unlock.data.addressesCleared > 0 ? 'users.loginUnlocked' : 'users.loginUnlockedNone', {
            username: user.username,
          })}
        </span>
      )}
      {unlock.error && (
        <span role="alert" className={styles.error}>
          {unlock.error.message}
        </span>
      )}
    </>
  );
}

function UserRow({ user, units }: { user: AdminUser; units: AdminUnit[] }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [resetOpen, setResetOpen] = useState(false);
  const error = update.error ?? reset.error;
  return (
    <tr>
      <td>
        <strong>{user.username}</strong>
        <br />
        {user.fullName}
      </td>
      <td>
        <select
          aria-label={t('users.roleOf', { username: user.username })}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: user.id, role: e.target.value })}
        >
          <SelectOptions options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </select>
      </td>
      <td>
        <select
          aria-label={t('users.unitOf', { username: user.username })}
          value={user.unitId}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: user.id, unitId: e.target.value })}
        >
          <SelectOptions options={namedOptions(units)} />
        </select>
      </td>
      <td>
        {user.disabled ? (
          <Badge tone="danger">{t('users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('users.active')}</Badge>
        )}
      </td>
      <td className={styles.actions}>
        <Button
          variant="secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
        {resetOpen ? (
          <form
            className={styles.inline}
            onSubmit={(e) => {
              e.preventDefault();
              reset.mutate(
                { id: user.id, password },
                { onSuccess: () => (setResetOpen(false), setPassword('')) },
              );
            }}
          >
            <TextField
              label={t('users.newPassword')}
              type="password"
              value={password}
              minLength={10}
              required
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
            />
            <Button type="submit" disabled={reset.isPending}>
              {t('users.save')}
            </Button>
          </form>
        ) : (
          <Button variant="ghost" onClick={() => setResetOpen(true)}>
            {t('users.resetPassword')}
          </Button>
        )}
        {reset.isSuccess && <span role="status">{t('users.passwordReset')}</span>}
        <UnlockLoginButton user={user} />
        {error && (
          <span role="alert" className={styles.error}>
            {error.message}
          </span>
        )}
      </td>
    </tr>
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
