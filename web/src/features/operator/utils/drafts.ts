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
  /** House number and street; the ward is chosen apart (no district since 2025). */
  addressText: string;
  wardCode: string;
  /** The ward's full name, as the picker shows it. */
  wardName: string;
  /** The post office serving the ward ('' when none does); the job goes there unless overridden. */
  wardOfficeId: string;
  wardOfficeName: string;
  /** Why the job goes to another office than the ward's (required then). */
  unitOverrideReason: string;
  lat: number | null;
  lng: number | null;
  /** Where the pin came from: typed/clicked, a geocoder suggestion, the caller's saved address. */
  locationSource: 'pinned' | 'geocoded' | 'saved_address';
  /** The pin picker is open. */
  pinOpen: boolean;
  /** Keep the address (ward, pin) on the caller's record. */
  saveAddress: boolean;
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
  wardCode: '',
  wardName: '',
  wardOfficeId: '',
  wardOfficeName: '',
  unitOverrideReason: '',
  lat: null,
  lng: null,
  locationSource: 'pinned',
  pinOpen: false,
  saveAddress: true,
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

/** Whether the job goes to another office than the one serving its ward. */
export function isUnitOverride(job: JobDraft): boolean {
  return job.wardOfficeId !== '' && job.unitId !== '' && job.unitId !== job.wardOfficeId;
}

/** What keeps the drafted job from being sent, as the field to fix (null when it can go). */
export function jobDraftProblem(job: JobDraft): 'unit' | 'unitOverrideReason' | null {
  if (!job.unitId && !job.wardOfficeId) return 'unit';
  if (isUnitOverride(job) && job.unitOverrideReason.trim() === '') return 'unitOverrideReason';
  return null;
}

/** The address as the courier reads it: street, then the ward (unless already typed). */
export function fullAddressOf(job: Pick<JobDraft, 'addressText' | 'wardName'>): string {
  const street = job.addressText.trim();
  if (!job.wardName) return street;
  return street.toLowerCase().includes(job.wardName.toLowerCase())
    ? street
    : `${street}, ${job.wardName}`;
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
    unitId: job.unitId || job.wardOfficeId,
    ...(job.wardCode ? { wardCode: job.wardCode } : {}),
    ...(isUnitOverride(job) ? { unitOverrideReason: job.unitOverrideReason.trim() } : {}),
    ...(citizenId ? { citizenId } : {}),
    ...(job.procedureId ? { procedureId: job.procedureId } : {}),
    ...(job.type === 'result_delivery' && job.dossierCode ? { dossierCode: job.dossierCode } : {}),
    addressText: fullAddressOf(job),
    ...(job.lat !== null && job.lng !== null
      ? { lat: job.lat, lng: job.lng, locationSource: job.locationSource }
      : {}),
    ...(day && window ? { windowStart: at(window[0]!), windowEnd: at(window[1]!) } : {}),
    ...(job.notes ? { notes: job.notes } : {}),
    postalLegTier: job.postalLegTier,
    saveAddress: job.saveAddress,
  };
}
