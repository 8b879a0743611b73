import { useTranslation } from 'react-i18next';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page, Section } from '@/components/ui/page';
import { useUnits } from '@/features/units/api/get-units.api';
import { UnitTree } from '@/features/units/components/unit-tree';

/** `/manager`: the overview. Figures (volume, on-time rate, money) come with the reports issue. */
export function ManagerHomePage() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <Page title={t('manager.title')}>
      <Section
        title={t('manager.unitsHeading')}
        aside={units.data ? t('units.count', { count: units.data.length }) : undefined}
      >
        <p>{t('manager.unitsIntro')}</p>
        {units.isError ? (
          <ErrorState error={units.error} onRetry={() => void units.refetch()} />
        ) : !units.data ? (
          <LoadingState />
        ) : units.data.length === 0 ? (
          <EmptyState title={t('units.empty')} headingLevel={3} />
        ) : (
          <UnitTree units={units.data} label={t('manager.unitsHeading')} />
        )}
      </Section>
    </Page>
  );
}
