import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { PlanPanel } from '@/features/plans/components/plan-panel';

import { unitCentre } from '../unit-centre';

/** `/dispatch/plan`: plan the unit's day. */
export function PlanPage() {
  const { t } = useTranslation('plans');
  const config = useAppConfig();
  const unit = config.data?.unit;
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <PlanPanel
        unitId={unit?.id}
        tileUrl={config.data?.mapTileUrl ?? ''}
        center={unitCentre(unit)}
      />
    </Page>
  );
}
