import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page, Section } from '@/components/ui/page';
import { useUsers } from '@/features/users/api/get-users.api';
import { UsersTable } from '@/features/users/components/users-table';

/** `/admin`: administration, starting with the list of staff accounts. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Page title={t('admin.title')}>
      <Section title={t('admin.usersHeading')}>
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : !users.data ? (
          <LoadingState />
        ) : (
          <UsersTable users={users.data} />
        )}
      </Section>
    </Page>
  );
}
