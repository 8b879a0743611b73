import type { Me } from '@tannha/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { PlainLayout } from '../layouts/plain-layout';
import styles from '../layouts/layouts.module.css';
import { ROLE_HOME } from '../role-homes';

/** Shown when a logged-in user opens another role's page. */
export function ForbiddenPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <PlainLayout me={me}>
      <div className={styles.card}>
        <h1>{t('forbidden.title')}</h1>
        <p className={styles.muted}>{t('forbidden.body', { role: t(`roles.${me.role}`) })}</p>
        <Link to={ROLE_HOME[me.role]} className={buttonClassName('primary')}>
          {t('forbidden.home')}
        </Link>
      </div>
    </PlainLayout>
  );
}
