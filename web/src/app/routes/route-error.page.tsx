import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

import { Button } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { PlainLayout } from '../layouts/plain-layout';
import styles from '../layouts/layouts.module.css';

/**
 * Shown when a page throws while rendering or its code fails to load (most often a new
 * release replaced the old files); reloading fixes the latter.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.title'));
  const error = useRouteError();
  // Kept in the console for support staff; the page itself stays plain.
  console.error(error);
  return (
    <PlainLayout>
      <div className={styles.card} role="alert">
        <h1>{t('routeError.title')}</h1>
        <p className={styles.muted}>{t('routeError.body')}</p>
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </div>
    </PlainLayout>
  );
}
