import type { Me, RoleValue } from '@tannha/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

import { LocaleSwitch } from '@/components/ui/locale-switch';

import { ROLE_HOME } from '../role-homes';
import { Brand } from './brand';
import styles from './layouts.module.css';
import { LogoutButton } from './logout-button';
import { SkipLink } from './skip-link';

type NavItem = { to: string; label: string };

/** Each desk role's sections; later features add their entries here. */
function navItemsFor(role: RoleValue, t: TFunction): NavItem[] {
  switch (role) {
    case 'operator':
      return [
        { to: '/operator', label: t('nav.operator') },
        { to: '/outbox', label: t('title', { ns: 'sms' }) },
      ];
    case 'dispatcher':
      return [
        { to: '/dispatch', label: t('nav.dispatch') },
        { to: '/dispatch/plan', label: t('form.label', { ns: 'plans' }) },
        { to: '/dispatch/intake', label: t('nav', { ns: 'intake' }) },
      ];
    case 'manager':
      return [{ to: '/manager', label: t('nav.manager') }];
    case 'admin':
      return [{ to: '/admin', label: t('nav.admin') }];
    case 'courier':
      // Couriers have their own phone layout with bottom navigation.
      return [];
  }
}

export type StaffLayoutProps = {
  me: Me;
};

/** Desktop frame for operators, dispatchers, managers and admins. */
export function StaffLayout({ me }: StaffLayoutProps) {
  const { t } = useTranslation();
  const items = navItemsFor(me.role, t);
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.topBar}>
        <Brand to={ROLE_HOME[me.role]} />
        <nav className={styles.nav} aria-label={t('nav.main')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end className={styles.navLink}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.session}>
          <div className={styles.user}>
            <span className={styles.userName}>{me.fullName}</span>
            <span className={styles.userMeta}>
              {t(`roles.${me.role}`)} · {me.unitName}
            </span>
          </div>
          <NavLink to="/account/password" end className={styles.navLink}>
            {t('menu', { ns: 'account' })}
          </NavLink>
          <LocaleSwitch />
          <LogoutButton />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
