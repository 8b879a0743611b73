import type { Courier, JobType } from '@tannha/shared';
import { useCallback, useEffect, useState } from 'react';

import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { onConnectionChange } from '@/lib/socket';

export type DispatchScope = 'open' | 'unassigned' | 'red' | 'overdue';
export type DispatchTab = 'jobs' | 'unplaced' | 'couriers' | 'late';

/** The question the board asks of the job list (the search term already debounced). */
export type DispatchQuery = { scope: DispatchScope; type: JobType | ''; q: string };

/** The filters of `GET /api/jobs` that answer a {@link DispatchQuery}. */
export function jobFiltersOf(query: DispatchQuery) {
  const q = query.q.trim();
  return {
    open: true,
    pageSize: 500,
    ...(query.scope === 'unassigned' ? { courierId: 'none' as const } : {}),
    ...(query.scope === 'red' ? { board: ['red'] } : {}),
    ...(query.scope === 'overdue' ? { late: true } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(q ? { q } : {}),
  };
}

/**
 * The dispatch board's own state: filters, the open tab, the selected job (and the courier
 * picked for it on the map or list), and whether the live connection is up.
 */
export function useDispatchBoard() {
  const [scope, setScope] = useState<DispatchScope>('open');
  const [type, setType] = useState<JobType | ''>('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebouncedValue(q, 300);
  const [tab, setTab] = useState<DispatchTab>('jobs');
  const [selected, setSelected] = useState<string>();
  const [preselectedCourier, setPreselectedCourier] = useState<string>();
  // The drawer opens at the pin picker when the job was picked from the "no place yet" list.
  const [pinning, setPinning] = useState(false);
  const [connected, setConnected] = useState(true);
  useEffect(() => onConnectionChange(setConnected), []);

  const close = useCallback(() => {
    setSelected(undefined);
    setPreselectedCourier(undefined);
    setPinning(false);
  }, []);
  const selectJob = (id: string) => {
    setSelected(id);
    setPreselectedCourier(undefined);
    setPinning(false);
  };
  const pinJob = (id: string) => {
    setSelected(id);
    setPreselectedCourier(undefined);
    setPinning(true);
  };
  const selectCourier = (c: Courier) => {
    if (selected) setPreselectedCourier(c.id);
  };

  return {
    filters: { scope, setScope, type, setType, q, setQ },
    query: { scope, type, q: debouncedQ } satisfies DispatchQuery,
    tab,
    setTab,
    selected,
    preselectedCourier,
    selectJob,
    pinJob,
    pinning,
    selectCourier,
    close,
    connected,
  };
}

export type DispatchBoard = ReturnType<typeof useDispatchBoard>;
