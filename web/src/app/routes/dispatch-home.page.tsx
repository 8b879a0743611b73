import { useTranslation } from 'react-i18next';

import { Badge, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page, Section } from '@/components/ui/page';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { useUnits } from '@/features/units/api/get-units.api';
import { UnitsMap } from '@/features/units/components/units-map';

import styles from './dispatch-home.module.css';

/** `/dispatch`: the map dispatchers work from. Jobs and couriers join it in later issues. */
export function DispatchHomePage() {
  const { t } = useTranslation();
  const config = useAppConfig();
  const units = useUnits();

  let body;
  if (config.isError || units.isError) {
    body = (
      <ErrorState
        error={config.error ?? units.error}
        onRetry={() => {
          if (config.isError) void config.refetch();
          if (units.isError) void units.refetch();
        }}
      />
    );
  } else if (!config.data || !units.data) {
    body = <LoadingState />;
  } else {
    const own = config.data.unit;
    const ownPlace =
      own && own.lat !== null && own.lng !== null ? { lat: own.lat, lng: own.lng } : undefined;
    body = (
      <div className={styles.layout}>
        <UnitsMap
          tileUrl={config.data.mapTileUrl}
          center={ownPlace}
          units={units.data}
          highlightUnitId={own?.id}
        />
        {/* The same units as a list: markers cannot be reached by keyboard or screen reader. */}
        <Section
          title={t('dispatch.unitsHeading')}
          aside={t('units.count', { count: units.data.length })}
        >
          <ul className={styles.unitList}>
            {units.data.map((unit) => (
              <li key={unit.id}>
                <span className={styles.unitName}>
                  {unit.name}{' '}
                  {unit.id === own?.id && <Badge tone="info">{t('dispatch.ownUnit')}</Badge>}
                </span>
                <span className={styles.unitAddress}>
                  {unit.address}
                  {(unit.lat === null || unit.lng === null) && ` (${t('dispatch.noLocation')})`}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    );
  }

  return <Page title={t('dispatch.title')}>{body}</Page>;
}
