import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Page } from '@/components/ui/page';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { OperatorConsole } from '@/features/operator/components/operator-console';
import {
  ProcedureSearch,
  type PickedProcedure,
} from '@/features/procedures/components/procedure-search';

import { unitCentre } from '../unit-centre';

/** `/operator`: the 1022 desk — calls, callers, jobs from calls, and the procedure catalogue. */
export function OperatorHomePage() {
  const { t } = useTranslation('operator');
  const config = useAppConfig();
  // "Tạo việc với thủ tục này" in the catalogue opens the desk's job form with it.
  const [picked, setPicked] = useState<{ procedure: PickedProcedure; n: number } | null>(null);
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <OperatorConsole
        pickedProcedure={picked}
        telephony={config.data?.telephony}
        places={
          config.data && {
            tileUrl: config.data.mapTileUrl,
            geocoder: config.data.geocoder === true,
            centre: unitCentre(config.data.unit),
          }
        }
      />
      <div id="procedure-catalogue" style={{ marginTop: 24 }}>
        <ProcedureSearch
          onCreateJob={(procedure) => setPicked((p) => ({ procedure, n: (p?.n ?? 0) + 1 }))}
        />
      </div>
    </Page>
  );
}
