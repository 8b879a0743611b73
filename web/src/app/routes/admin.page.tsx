import { useTranslation } from 'react-i18next';

import { AdminScreen } from '@/features/admin/components/admin-screen';
import { ApiKeys } from '@/features/intake/components/api-keys';
import { IntakeImport } from '@/features/intake/components/intake-import';
import { ServiceAreas } from '@/features/intake/components/service-areas';

/** `/admin`: the admin screen, with the results intake's admin screens as its last tabs. */
export function AdminPage() {
  const { t } = useTranslation('intake');
  return (
    <AdminScreen
      extraTabs={[
        { id: 'intake', label: t('tabs.import'), content: <IntakeImport /> },
        { id: 'intake-keys', label: t('tabs.apiKeys'), content: <ApiKeys /> },
        { id: 'service-areas', label: t('tabs.serviceAreas'), content: <ServiceAreas /> },
      ]}
    />
  );
}
