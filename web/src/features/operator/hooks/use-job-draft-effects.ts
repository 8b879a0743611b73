import type { CitizenHistory, Unit } from '@tannha/shared';
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';

import { focusSoon } from '../utils/focus-soon';
import type { CallDraft, JobDraft } from '../utils/drafts';

type SetJob = Dispatch<SetStateAction<JobDraft>>;

/**
 * Alt+J opens the job form (each press bumps `signal`); the type follows the call's category.
 * Nothing opens on a closed call or one that already has its job.
 */
export function useJobOpener(options: {
  signal: number;
  blocked: boolean;
  category: string;
  setJob: SetJob;
}) {
  const { signal, blocked, category, setJob } = options;
  const lastSignal = useRef(signal);
  useEffect(() => {
    if (signal === lastSignal.current) return;
    lastSignal.current = signal;
    if (blocked) return;
    setJob((j) => ({
      ...j,
      open: true,
      type: category === 'delivery_request' ? 'result_delivery' : j.type,
    }));
    focusSoon('job-procedure');
  }, [signal, blocked, category, setJob]);
}

/**
 * Once the job form is open and the caller's record has loaded, fills in what is known (once):
 * the saved address with its pin, the caller's post office, the procedure from the call.
 */
export function useJobPrefill(options: {
  job: JobDraft;
  setJob: SetJob;
  /** Undefined while the units load. */
  units: readonly Unit[] | undefined;
  postOffices: readonly Unit[];
  /** Whether the call names a known caller (whose record must load first). */
  hasCitizen: boolean;
  citizen: CitizenHistory['citizen'] | undefined;
  draft: CallDraft;
}) {
  const { job, setJob, units, postOffices, hasCitizen, citizen, draft } = options;
  const { addressText, procedureId, procedureName } = draft;
  useEffect(() => {
    if (!job.open || job.prefilled || !units || (hasCitizen && !citizen)) return;
    const address = citizen?.addresses[0];
    setJob((j) => ({
      ...j,
      prefilled: true,
      // The caller's own office, if any; otherwise the ward chosen next decides (never simply
      // the first office of the list).
      unitId:
        j.unitId ||
        (citizen?.unitId && postOffices.some((u) => u.id === citizen.unitId) ? citizen.unitId : ''),
      addressText: j.addressText || address?.addressText || addressText,
      ...(j.lat === null && address?.lat != null && address.lng != null
        ? { lat: address.lat, lng: address.lng, locationSource: 'saved_address' as const }
        : {}),
      procedureId: j.procedureId || procedureId,
      procedureName: j.procedureName || procedureName,
    }));
  }, [
    job.open,
    job.prefilled,
    units,
    hasCitizen,
    citizen,
    postOffices,
    addressText,
    procedureId,
    procedureName,
    setJob,
  ]);
}
