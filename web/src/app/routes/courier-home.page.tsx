import { useTranslation } from 'react-i18next';

import { EmptyState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { formatDate } from '@/lib/format';

/**
 * `/courier`: today's jobs. The jobs API arrives with its own issue; until then the honest
 * answer is that nothing is assigned.
 */
export function CourierHomePage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('courier.title')}
      subtitle={t('courier.date', { date: formatDate(new Date()) })}
      compact
    >
      <EmptyState title={t('courier.emptyTitle')} icon={<ParcelIcon />}>
        <p>{t('courier.emptyBody')}</p>
      </EmptyState>
    </Page>
  );
}

function ParcelIcon() {
  return (
    <svg
      width="48"
      height="48"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5z" strokeLinejoin="round" />
      <path d="M3 7.5 12 12l9-4.5M12 12v9" strokeLinejoin="round" />
    </svg>
  );
}
