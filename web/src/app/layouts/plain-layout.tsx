import type { Me } from '@tannha/shared';
import type { ReactNode } from 'react';

import { LocaleSwitch } from '@/components/ui/locale-switch';

import { ROLE_HOME } from '../role-homes';
import { Brand } from './brand';
import styles from './layouts.module.css';
import { LogoutButton } from './logout-button';
import { SkipLink } from './skip-link';

export type PlainLayoutProps = {
  /** When someone is logged in, the header offers logout. */
  me?: Me | null | undefined;
  children: ReactNode;
};

/** Frame for pages outside a role's area: login, not found, not allowed, errors. */
export function PlainLayout({ me, children }: PlainLayoutProps) {
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.plainTop}>
        <Brand to={me ? ROLE_HOME[me.role] : '/'} />
        <div className={styles.plainTopActions}>
          <LocaleSwitch />
          {me && <LogoutButton iconOnly="narrow" />}
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.plainMain}>
        {children}
      </main>
    </div>
  );
}
