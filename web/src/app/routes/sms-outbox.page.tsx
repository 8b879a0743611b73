import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';
import { SmsOutbox } from '@/features/sms/components/sms-outbox';

/** `/outbox`: SMS to citizens (where console SMS land when Twilio is not connected). */
export function SmsOutboxPage() {
  const { t } = useTranslation('sms');
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <SmsOutbox />
    </Page>
  );
}
