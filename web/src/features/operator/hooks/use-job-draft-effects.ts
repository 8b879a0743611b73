import type { CitizenHistory, Unit } from '@tannha/shared';
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';

import { focusSoon } from '../utils/focus-soon';
import type { CallDraft, JobDraft } from '../utils/drafts';

type SetJob = Dispatch<SetStateAction<JobDraft>>;

/**
 * A request to open the job form: Alt+J, or "Tạo việc với thủ tục này" in the catalogue
 * (with its procedure, addressed to the call it was meant for, which may mount only now).
 */
export type JobOpenSignal = {
  /** Bumped by every request. */
  n: number;
  /** The procedure to fill in, if the request came from the catalogue. */
  procedure: { id: string; name: string } | null;
  /** The call the request is for; null = whichever call is open. */
  callId: string | null;
};

/**
 * Opens the job form on each new signal; the type follows the call's category, a procedure
 * from the catalogue is filled in. A signal addressed to this call opens it on mount too.
 * Nothing opens on a closed call or one that already has its job.
 */
export function useJobOpener(options: {
  signal: JobOpenSignal;
  callId: string;
  blocked: boolean;
  category: string;
  setJob: SetJob;
}) {
  const { signal, callId, blocked, category, setJob } = options;
  const lastSignal = useRef(signal.callId === callId ? -1 : signal.n);
  useEffect(() => {
    if (signal.n === lastSignal.current) return;
    lastSignal.current = signal.n;
    if (blocked || (signal.callId !== null && signal.callId !== callId)) return;
    const { procedure } = signal;
    setJob((j) => ({
      ...j,
      open: true,
      type: category === 'delivery_request' ? 'result_delivery' : j.type,
      ...(procedure
        ? { procedureId: procedure.id, procedureName: procedure.name, procQuery: '' }
        : {}),
    }));
    focusSoon('job-procedure');
  }, [signal, callId, blocked, category, setJob]);
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
