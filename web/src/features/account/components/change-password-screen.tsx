import { PASSWORD_MIN_LENGTH } from '@tannha/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { useChangePassword } from '../api/change-password.api';
import styles from './change-password-screen.module.css';

type Fields = 'currentPassword' | 'newPassword' | 'confirmPassword';
type FieldErrors = Partial<Record<Fields, string | undefined>>;

/**
 * "Đổi mật khẩu": every role changes their own password here. The server keeps this session
 * and signs out every other one; the form says how many ended.
 */
export function ChangePasswordScreen({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('account');
  const mutation = useChangePassword();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const min = PASSWORD_MIN_LENGTH;

  function check(current: string, next: string, confirm: string): FieldErrors {
    return {
      currentPassword: current ? undefined : t('required.currentPassword'),
      newPassword: !next
        ? t('required.newPassword')
        : next.length < min
          ? t('tooShort', { min })
          : next === current
            ? t('sameAsCurrent')
            : undefined,
      confirmPassword: next && confirm !== next ? t('mismatch') : undefined,
    };
  }

  function onError(error: unknown) {
    const fields = error instanceof ApiError ? error.fields : undefined;
    setErrors({
      currentPassword: fields?.['currentPassword'],
      newPassword: fields?.['newPassword'],
    });
    if (fields?.['currentPassword'] || fields?.['newPassword']) return;
    const known = error instanceof ApiError && error.code === 'rate_limited';
    setFormError(
      known
        ? t('errors.rate_limited')
        : (error instanceof Error && error.message) || t('errors.generic', { ns: 'translation' }),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get('currentPassword') ?? '');
    const next = String(data.get('newPassword') ?? '');
    const found = check(current, next, String(data.get('confirmPassword') ?? ''));
    setErrors(found);
    setFormError(undefined);
    setDone(undefined);
    if (Object.values(found).some(Boolean)) return;
    mutation.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: ({ sessionsEnded }) => {
          form.reset();
          setDone(sessionsEnded > 0 ? t('doneOthers', { count: sessionsEnded }) : t('done'));
        },
        onError,
      },
    );
  }

  const pending = mutation.isPending;
  return (
    <Page title={t('title')} subtitle={t('subtitle')} compact={compact}>
      <form className={styles.form} onSubmit={handleSubmit} noValidate aria-busy={pending}>
        {done && <Alert tone="success">{done}</Alert>}
        {formError && <Alert tone="danger">{formError}</Alert>}
        <TextField
          label={t('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <TextField
          label={t('newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('newPasswordHint', { min })}
          error={errors.newPassword}
        />
        <TextField
          label={t('confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t('submitting') : t('submit')}
        </Button>
      </form>
    </Page>
  );
}
