import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';

import { AdminCalendar } from './admin-calendar';
import { AdminCatalogue } from './admin-catalogue';
import { AdminOrgUnits } from './admin-org-units';
import { AdminAudit } from './admin-audit';
import { AdminSettings, AdminSmsTemplates } from './admin-settings';
import { AdminTabs, type AdminTab } from './admin-tabs';
import { AdminUnitsImport } from './admin-units-import';
import { AdminUsers } from './admin-users';

/**
 * `/admin`: accounts, units, the catalogue, the calendar, settings, SMS texts, the audit trail;
 * `extraTabs` are other features' admin screens, composed by the app.
 */
export function AdminScreen({ extraTabs = [] }: { extraTabs?: AdminTab[] }) {
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
          ...extraTabs,
        ]}
      />
    </Page>
  );
}
