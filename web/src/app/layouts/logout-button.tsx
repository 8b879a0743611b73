import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/logout.api';
import { cx } from '@/lib/cx';

import styles from './logout-button.module.css';

export type LogoutButtonProps = {
  variant?: 'ghost' | 'secondary';
  block?: boolean;
  /**
   * `always`: icon only, where a phone's top bar has no room; `narrow`: icon only on screens
   * under 480 px. The label stays for screen readers either way.
   */
  iconOnly?: 'always' | 'narrow' | 'never';
};

/** Ends the session; the hook then shows the login page. */
export function LogoutButton({
  variant = 'ghost',
  block = false,
  iconOnly = 'never',
}: LogoutButtonProps) {
  const { t } = useTranslation();
  const logoutMutation = useLogout();
  const label = logoutMutation.isPending ? t('session.loggingOut') : t('session.logout');
  return (
    <Button
      variant={variant}
      block={block}
      title={iconOnly === 'never' ? undefined : t('session.logout')}
      className={cx(
        iconOnly === 'always' && styles.iconOnly,
        iconOnly === 'narrow' && styles.narrowIconOnly,
      )}
      disabled={logoutMutation.isPending}
      onClick={() => logoutMutation.mutate()}
    >
      <LogoutIcon />
      {/* Hidden visually where the icon stands alone, kept for screen readers. */}
      <span className={iconOnly === 'always' ? 'visually-hidden' : styles.label}>{label}</span>
    </Button>
  );
}

function LogoutIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3" strokeLinecap="round" />
      <path d="M10 17l-5-5 5-5M5 12h11" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
