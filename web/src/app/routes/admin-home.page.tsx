import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { AdminTabs } from '@/features/admin/components/admin-tabs';
import { AdminUnitsImport } from '@/features/admin/components/admin-units-import';
import { useUsers } from '@/features/users/api/get-users.api';
import { UsersTable } from '@/features/users/components/users-table';

function UsersTab() {
  const users = useUsers();
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  if (!users.data) return <LoadingState />;
  return <UsersTable users={users.data} />;
}

/** `/admin`: staff accounts and the administrative units import. */
export function AdminHomePage() {
  const { t } = useTranslation('admin');
  return (
    <Page title={t('title')}>
      <AdminTabs
        tabs={[
          { id: 'users', label: t('tabs.users'), content: <UsersTab /> },
          { id: 'admin-units', label: t('tabs.adminUnits'), content: <AdminUnitsImport /> },
        ]}
      />
    </Page>
  );
}
