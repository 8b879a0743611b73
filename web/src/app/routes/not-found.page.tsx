import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { useMe } from '@/features/auth/api/get-me.api';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { PlainLayout } from '../layouts/plain-layout';
import styles from '../layouts/layouts.module.css';
import { ROLE_HOME } from '../role-homes';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  const me = useMe().data;
  return (
    <PlainLayout me={me}>
      <div className={styles.card}>
        <h1>{t('notFound.title')}</h1>
        <p className={styles.muted}>{t('notFound.body')}</p>
        <Link to={me ? ROLE_HOME[me.role] : '/'} className={buttonClassName('primary')}>
          {t('notFound.home')}
        </Link>
      </div>
    </PlainLayout>
  );
}
