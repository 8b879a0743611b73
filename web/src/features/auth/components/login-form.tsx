import type { Me } from '@tannha/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { useLogin } from '../api/login.api';
import styles from './login-form.module.css';

type FieldErrors = { username?: string | undefined; password?: string | undefined };

export type LoginFormProps = {
  /** Called with the user once the server has opened the session. */
  onSuccess: (user: Me) => void;
};

/** Username and password form; shows the server's per-field errors and when to try again. */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();

  function messageFor(error: unknown): string {
    if (!(error instanceof ApiError)) return t('errors.generic');
    switch (error.code) {
      case 'invalid_credentials':
      case 'rate_limited':
      case 'validation_failed':
        return t(`auth.errors.${error.code}`);
      // login_throttled and anything unforeseen: the server's message is the one that knows
      // the details (until when this device has to wait).
      default:
        return error.message || t('errors.generic');
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loginMutation.isPending) return;
    const data = new FormData(event.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');

    const missing: FieldErrors = {
      username: username ? undefined : t('auth.required.username'),
      password: password ? undefined : t('auth.required.password'),
    };
    setFormError(undefined);
    setFieldErrors(missing);
    if (missing.username || missing.password) return;

    loginMutation.mutate(
      { username, password },
      {
        onSuccess,
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fields : undefined;
          setFieldErrors({ username: fields?.['username'], password: fields?.['password'] });
          // Field messages alone say enough; a banner repeating them is noise.
          const onlyFields = fields && (fields['username'] || fields['password']);
          setFormError(onlyFields ? undefined : messageFor(error));
        },
      },
    );
  }

  const pending = loginMutation.isPending;
  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate aria-busy={pending}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <TextField
        label={t('auth.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        // The page exists to log in; the cursor belongs in the first field.
        autoFocus
        error={fieldErrors.username}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
      />
      <Button type="submit" block disabled={pending}>
        {pending ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </form>
  );
}
