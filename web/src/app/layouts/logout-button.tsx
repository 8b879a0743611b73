import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/logout.api';

export type LogoutButtonProps = {
  variant?: 'ghost' | 'secondary';
  block?: boolean;
  /** Icon only (the label stays for screen readers), where a phone's top bar has no room. */
  iconOnly?: boolean;
};

/** Ends the session; the hook then shows the login page. */
export function LogoutButton({
  variant = 'ghost',
  block = false,
  iconOnly = false,
}: LogoutButtonProps) {
  const { t } = useTranslation();
  const logoutMutation = useLogout();
  return (
    <Button
      variant={variant}
      block={block}
      title={iconOnly ? t('session.logout') : undefined}
      style={iconOnly ? { paddingInline: 0, minWidth: 'var(--touch-target)' } : undefined}
      disabled={logoutMutation.isPending}
      onClick={() => logoutMutation.mutate()}
    >
      <LogoutIcon />
      <span className={iconOnly ? 'visually-hidden' : undefined}>
        {logoutMutation.isPending ? t('session.loggingOut') : t('session.logout')}
      </span>
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
