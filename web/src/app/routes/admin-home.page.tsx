import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';
import { AdminCalendar } from '@/features/admin/components/admin-calendar';
import { AdminCatalogue } from '@/features/admin/components/admin-catalogue';
import { AdminOrgUnits } from '@/features/admin/components/admin-org-units';
import {
  AdminAudit,
  AdminSettings,
  AdminSmsTemplates,
} from '@/features/admin/components/admin-settings';
import { AdminTabs } from '@/features/admin/components/admin-tabs';
import { AdminUnitsImport } from '@/features/admin/components/admin-units-import';
import { AdminUsers } from '@/features/admin/components/admin-users';

/** `/admin`: accounts, units, the catalogue, the calendar, settings, SMS texts, the audit trail. */
export function AdminHomePage() {
  const { t } = useTranslation('admin');
  return (
    <Page title={t('title')}>
      <AdminTabs
        tabs={[
          { id: 'users', label: t('tabs.users'), content: <AdminUsers /> },
          { id: 'units', label: t('tabs.units'), content: <AdminOrgUnits /> },
          { id: 'catalogue', label: t('tabs.catalogue'), content: <AdminCatalogue /> },
          { id: 'calendar', label: t('tabs.calendar'), content: <AdminCalendar /> },
          { id: 'settings', label: t('tabs.settings'), content: <AdminSettings /> },
          { id: 'sms', label: t('tabs.sms'), content: <AdminSmsTemplates /> },
          { id: 'audit', label: t('tabs.audit'), content: <AdminAudit /> },
          { id: 'admin-units', label: t('tabs.adminUnits'), content: <AdminUnitsImport /> },
        ]}
      />
    </Page>
  );
}
