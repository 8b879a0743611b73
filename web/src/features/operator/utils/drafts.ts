import {
  vnStartOfDay,
  type Call,
  type CreateJobFromCallInput,
  type PostalLegTier,
} from '@tannha/shared';

/** What the operator types about a call, kept per call in sessionStorage. */
export type CallDraft = {
  category: string;
  content: string;
  callerName: string;
  addressText: string;
  procedureId: string;
  procedureName: string;
};

/** The job being prepared from a call, kept per call in sessionStorage. */
export type JobDraft = {
  open: boolean;
  prefilled: boolean;
  type: 'home_assistance' | 'result_delivery';
  unitId: string;
  addressText: string;
  lat: number | null;
  lng: number | null;
  procedureId: string;
  procedureName: string;
  procQuery: string;
  date: string;
  window: string;
  dossierCode: string;
  notes: string;
  postalLegTier: PostalLegTier;
};

export const EMPTY_CALL: CallDraft = {
  category: '',
  content: '',
  callerName: '',
  addressText: '',
  procedureId: '',
  procedureName: '',
};

export const EMPTY_JOB: JobDraft = {
  open: false,
  prefilled: false,
  type: 'home_assistance',
  unitId: '',
  addressText: '',
  lat: null,
  lng: null,
  procedureId: '',
  procedureName: '',
  procQuery: '',
  date: '',
  window: '',
  dossierCode: '',
  notes: '',
  postalLegTier: 'province',
};

/** The visit windows offered in the job form. */
export const WINDOWS = ['08:00-10:00', '10:00-12:00', '13:30-15:30', '15:30-17:00'];

/** The call draft a call starts from: what the server already has about it. */
export function callDraftOf(call: Call): CallDraft {
  return {
    ...EMPTY_CALL,
    category: call.category ?? '',
    content: call.content ?? '',
    callerName: call.callerName ?? '',
    procedureId: call.procedureId ?? '',
    procedureName: call.procedureName ?? '',
  };
}

/** The request body that creates the drafted job from a call (without the call id). */
export function jobInputOf(job: JobDraft, citizenId: string | null): CreateJobFromCallInput {
  const window = job.window ? job.window.split('-') : null;
  const day = job.date || null;
  // A window time on the chosen day, Vietnam's clock.
  const at = (hhmm: string) =>
    new Date(
      vnStartOfDay(day!).getTime() +
        (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000,
    ).toISOString();
  return {
    type: job.type,
    unitId: job.unitId,
    ...(citizenId ? { citizenId } : {}),
    ...(job.procedureId ? { procedureId: job.procedureId } : {}),
    ...(job.type === 'result_delivery' && job.dossierCode ? { dossierCode: job.dossierCode } : {}),
    addressText: job.addressText,
    ...(job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : {}),
    ...(day && window ? { windowStart: at(window[0]!), windowEnd: at(window[1]!) } : {}),
    ...(job.notes ? { notes: job.notes } : {}),
    postalLegTier: job.postalLegTier,
    saveAddress: true,
  };
}
