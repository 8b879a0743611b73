import { useTranslation } from 'react-i18next';

import { LocaleSwitch } from '@/components/ui/locale-switch';
import { Page } from '@/components/ui/page';
import { useMe } from '@/features/auth/api/get-me.api';

import { LogoutButton } from '../layouts/logout-button';
import styles from './courier-account.module.css';

/** `/courier/account`: who is logged in on this phone, language and logout within thumb reach. */
export function CourierAccountPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Page title={t('courier.accountTitle')} compact>
      <dl className={styles.details}>
        <div>
          <dt>{t('account.fullName')}</dt>
          <dd>{me.fullName}</dd>
        </div>
        <div>
          <dt>{t('account.username')}</dt>
          <dd>{me.username}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${me.role}`)}</dd>
        </div>
        <div>
          <dt>{t('account.unit')}</dt>
          <dd>{me.unitName}</dd>
        </div>
      </dl>
      <div className={styles.actions}>
        <div className={styles.language}>
          <span>{t('locale.label')}</span>
          <LocaleSwitch />
        </div>
        <LogoutButton variant="secondary" block />
      </div>
    </Page>
  );
}
