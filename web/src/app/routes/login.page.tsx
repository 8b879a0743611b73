import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { Alert, LoadingState } from '@/components/ui/feedback';
import { useMe } from '@/features/auth/api/get-me.api';
import { useIsLoggingOut } from '@/features/auth/api/logout.api';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { PlainLayout } from '../layouts/plain-layout';
import styles from '../layouts/layouts.module.css';
import { destinationAfterLogin } from '../role-homes';

/** `/login`; `?expired=1` explains why the user is here, `?next=` is where they were. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const loggingOut = useIsLoggingOut();
  const expired = params.get('expired') === '1';
  const next = params.get('next');

  if (me.isPending) return <LoadingState fullPage />;
  // Already logged in: straight on. Not after an expiry or during logout, where the cached
  // user is on its way out.
  if (me.data && !expired && !loggingOut)
    return <Navigate to={destinationAfterLogin(me.data.role, next)} replace />;

  return (
    <PlainLayout>
      <div className={styles.card}>
        <h1>{t('auth.title')}</h1>
        <p className={styles.muted}>{t('auth.intro')}</p>
        {expired && <Alert tone="warning">{t('auth.expired')}</Alert>}
        <LoginForm
          onSuccess={(user) =>
            void navigate(destinationAfterLogin(user.role, next), { replace: true })
          }
        />
      </div>
    </PlainLayout>
  );
}
