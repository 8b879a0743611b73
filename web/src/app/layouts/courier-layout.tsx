import type { Me } from '@tannha/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

import { LocaleSwitch } from '@/components/ui/locale-switch';
import { UpdatePrompt } from '@/features/courier/components/update-prompt';

import { ROLE_HOME } from '../role-homes';
import { Brand } from './brand';
import styles from './layouts.module.css';
import { LogoutButton } from './logout-button';
import { SkipLink } from './skip-link';

export type CourierLayoutProps = {
  me: Me;
};

/**
 * Phone frame for couriers: a slim header and navigation at the bottom, within thumb reach,
 * with every target at least 44 px.
 */
export function CourierLayout({ me }: CourierLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.courierShell}>
      <SkipLink />
      <header className={styles.courierTop}>
        <div className={styles.courierTopRow}>
          <Brand to={ROLE_HOME.courier} />
          <LocaleSwitch />
          <LogoutButton iconOnly="always" />
        </div>
        <p className={styles.courierUser}>
          {me.fullName} · {t(`roles.${me.role}`)} · {me.unitName}
        </p>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <UpdatePrompt />
        <Outlet />
      </main>
      <nav className={styles.bottomNav} aria-label={t('nav.main')}>
        <ul>
          <BottomLink to="/courier" icon={<TodayIcon />} label={t('nav.courierToday')} />
          <BottomLink
            to="/courier/account"
            icon={<AccountIcon />}
            label={t('nav.courierAccount')}
          />
        </ul>
      </nav>
    </div>
  );
}

function BottomLink({ to, icon, label }: { to: string; icon: ReactNode; label: string }) {
  return (
    <li>
      <NavLink to={to} end className={styles.bottomLink}>
        {icon}
        <span>{label}</span>
      </NavLink>
    </li>
  );
}

/** A 24 px line icon drawn in the text colour; hidden from screen readers (the label says it). */
function LineIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

function TodayIcon() {
  return (
    <LineIcon>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" strokeLinecap="round" />
    </LineIcon>
  );
}

function AccountIcon() {
  return (
    <LineIcon>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" strokeLinecap="round" />
    </LineIcon>
  );
}
