import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Fact } from '@/components/ui/fact';
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
        <Fact term={t('account.fullName')}>{me.fullName}</Fact>
        <Fact term={t('account.username')}>{me.username}</Fact>
        <Fact term={t('account.role')}>{t(`roles.${me.role}`)}</Fact>
        <Fact term={t('account.unit')}>{me.unitName}</Fact>
      </dl>
      <div className={styles.actions}>
        <div className={styles.language}>
          <span>{t('locale.label')}</span>
          <LocaleSwitch />
        </div>
        <Link to="/courier/password" className={styles.passwordLink}>
          {t('menu', { ns: 'account' })}
        </Link>
        <LogoutButton variant="secondary" block />
      </div>
    </Page>
  );
}
