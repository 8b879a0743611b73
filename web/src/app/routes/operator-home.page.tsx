import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';
import { ProcedureSearch } from '@/features/procedures/components/procedure-search';

/** `/operator`: the 1022 desk. Call log and caller history come with their own issues. */
export function OperatorHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('operator.title')}>
      <ProcedureSearch />
    </Page>
  );
}
