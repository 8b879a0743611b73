import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Badge } from '@/components/ui/feedback';
import { SaveStatus } from '@/components/ui/save-status';
import { namedOptions, SelectOptions, type SelectOption } from '@/components/ui/select-options';
import { TextField } from '@/components/ui/text-field';

import {
  useResetPassword,
  useUnlockLogin,
  useUpdateUser,
  type AdminUnit,
  type AdminUser,
} from '../api/admin.api';
import styles from './admin.module.css';

export const ROLES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;

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

/**
 * A select that saves as soon as it changes: it shows the new choice while saving, then
 * "Đã lưu", or the reason and the old choice again when the server refuses.
 */
function SavingSelect({
  label,
  value,
  options,
  save,
}: {
  label: string;
  value: string;
  options: readonly SelectOption[];
  save: (value: string, done: { onError: () => void }) => void;
}) {
  const [draft, setDraft] = useState<string>();
  return (
    <select
      aria-label={label}
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        save(e.target.value, { onError: () => setDraft(undefined) });
      }}
    >
      <SelectOptions options={options} />
    </select>
  );
}

/** Password reset in place: a field, Save, and Cancel (or Esc) to close it untouched. */
function ResetPassword({ user }: { user: AdminUser }) {
  const { t } = useTranslation('admin');
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [open, setOpen] = useState(false);
  const close = () => (setOpen(false), setPassword(''), reset.reset());
  if (!open)
    return (
      <>
        <Button variant="ghost" onClick={() => setOpen(true)}>
          {t('users.resetPassword')}
        </Button>
        {reset.isSuccess && <span role="status">{t('users.passwordReset')}</span>}
      </>
    );
  return (
    <form
      className={styles.inline}
      onKeyDown={(e) => e.key === 'Escape' && close()}
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate({ id: user.id, password }, { onSuccess: () => setOpen(false) });
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
      <Button variant="ghost" onClick={close}>
        {t('edit.cancel')}
      </Button>
      {reset.error && (
        <span role="alert" className={styles.error}>
          {reset.error.message}
        </span>
      )}
    </form>
  );
}

/** One account: role and unit saved in place, lock (after a question), password reset. */
export function UserRow({ user, units }: { user: AdminUser; units: AdminUnit[] }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [asking, setAsking] = useState(false);
  const save = (body: { role?: string; unitId?: string }, done?: { onError: () => void }) =>
    update.mutate({ id: user.id, ...body }, done);
  return (
    <tr>
      <td>
        <strong>{user.username}</strong>
        <br />
        {user.fullName}
      </td>
      <td>
        <SavingSelect
          label={t('users.roleOf', { username: user.username })}
          value={user.role}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          save={(role, done) => save({ role }, done)}
        />
      </td>
      <td>
        <SavingSelect
          label={t('users.unitOf', { username: user.username })}
          value={user.unitId}
          options={namedOptions(units)}
          save={(unitId, done) => save({ unitId }, done)}
        />
      </td>
      <td>
        {user.disabled ? (
          <Badge tone="danger">{t('users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('users.active')}</Badge>
        )}
        <br />
        <SaveStatus state={update} />
      </td>
      <td className={styles.actions}>
        <Button
          variant="secondary"
          disabled={update.isPending}
          onClick={() =>
            user.disabled ? update.mutate({ id: user.id, disabled: false }) : setAsking(true)
          }
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
        {asking && (
          <ConfirmDialog
            title={t('users.disableConfirm', { username: user.username, name: user.fullName })}
            confirmLabel={t('users.disable')}
            busy={update.isPending}
            onCancel={() => setAsking(false)}
            onConfirm={() =>
              update.mutate({ id: user.id, disabled: true }, { onSettled: () => setAsking(false) })
            }
          >
            <p>{t('users.disableEffect')}</p>
          </ConfirmDialog>
        )}
        <ResetPassword user={user} />
        <UnlockLoginButton user={user} />
      </td>
    </tr>
  );
}
