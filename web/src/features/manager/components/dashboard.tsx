import type { Unit } from '@tannha/shared';
import { useState } from 'react';

import { ErrorState, LoadingState } from '@/components/ui/feedback';

import { useReportSummary, type ReportRange } from '../api/get-report-summary.api';
import { DashboardFilters } from './dashboard-filters';
import { presetRange, type RangePreset } from './date-range';
import { Figures } from './figures';
import { ReconciliationPanel } from './reconciliation-panel';

export type DashboardProps = {
  /** Units the manager may see (own and below), for the unit picker. */
  units: readonly Unit[];
  /** The manager's own unit: the default choice. */
  defaultUnitId: string;
};

/** `/manager`: the unit's figures for a period, with exports and the cash reconciliation. */
export function Dashboard({ units, defaultUnitId }: DashboardProps) {
  const [preset, setPreset] = useState<RangePreset>('7d');
  const [custom, setCustom] = useState(presetRange('30d'));
  const [unitId, setUnitId] = useState(defaultUnitId);
  const range: ReportRange = { ...(preset === 'custom' ? custom : presetRange(preset)), unitId };
  const summary = useReportSummary(range);

  return (
    <>
      <DashboardFilters
        units={units}
        preset={preset}
        setPreset={setPreset}
        custom={custom}
        setCustom={setCustom}
        unitId={unitId}
        setUnitId={setUnitId}
        refreshing={summary.isFetching}
        generatedAt={summary.data?.generatedAt}
      />

      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <LoadingState />
      ) : (
        <Figures s={summary.data} range={range} />
      )}
      <ReconciliationPanel unitId={unitId} />
    </>
  );
}
