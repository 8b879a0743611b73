import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { useMe } from '@/features/auth/api/get-me.api';
import { Dashboard } from '@/features/manager/components/dashboard';
import { useUnits } from '@/features/units/api/get-units.api';

/** `/manager`: the dashboard of the manager's unit, its sub-units to choose from. */
export function ManagerHomePage() {
  const { t } = useTranslation('manager');
  const units = useUnits();
  const me = useMe();
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      {units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : !units.data || !me.data ? (
        <LoadingState />
      ) : (
        <Dashboard units={units.data} defaultUnitId={me.data.unitId} />
      )}
    </Page>
  );
}
