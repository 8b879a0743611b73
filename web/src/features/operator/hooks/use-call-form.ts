import { addDays, toVnDate, type Call } from '@tannha/shared';
import { useMemo, useState, type FormEvent } from 'react';

import { useUnits } from '@/lib/queries/units';

import { useCloseCall } from '../api/calls.api';
import type { PlaceSettings } from '../components/job-pin-fields';
import { useCitizenHistory, useCreateJobFromCall } from '../api/citizens.api';
import {
  callDraftOf,
  EMPTY_JOB,
  jobDraftProblem,
  jobInputOf,
  type CallDraft,
  type JobDraft,
} from '../utils/drafts';
import { focusSoon } from '../utils/focus-soon';
import { useDraft } from './use-draft';
import { useJobOpener, useJobPrefill, type JobOpenSignal } from './use-job-draft-effects';
import { useSaveCall } from './use-save-call';
import { useShortcuts } from './use-shortcuts';

/** The next two weeks as choices (a native date input follows the OS locale, not ours). */
function useNextDays() {
  return useMemo(() => {
    const today = toVnDate(new Date());
    return Array.from({ length: 14 }, (_, i) => addDays(today, i + 1));
  }, []);
}

/** What the console hands the call being handled. */
export type CallHandlers = {
  /** Alt+J or the catalogue's "Tạo việc với thủ tục này": opens the job form. */
  jobOpenSignal: JobOpenSignal;
  /** The call was closed. */
  onDone: () => void;
  /** The map's tiles, the geocoder and where the map opens (from the app's configuration). */
  places: PlaceSettings | undefined;
};

/**
 * Everything the call form does: the call and job drafts (kept across reloads), the caller's
 * record, saving, creating the job, closing, and the form's shortcuts (Ctrl+Enter, Alt+L).
 */
export function useCallForm(call: Call, jobOpenSignal: JobOpenSignal, onDone: () => void) {
  const history = useCitizenHistory(call.citizenId);
  const [draft, setDraft, clearDraft] = useDraft<CallDraft>(`call.${call.id}`, callDraftOf(call));
  const [job, setJob, clearJob] = useDraft<JobDraft>(`job.${call.id}`, EMPTY_JOB);
  const { saveCall, update, createCitizen } = useSaveCall(call, draft);
  const close = useCloseCall();
  const createJob = useCreateJobFromCall();
  const units = useUnits();
  const postOffices = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'post_office'),
    [units.data],
  );
  const citizen = history.data?.citizen;
  const nextDays = useNextDays();
  const closed = call.closedAt !== null;

  const blocked = closed || Boolean(call.jobId);
  useJobOpener({
    signal: jobOpenSignal,
    callId: call.id,
    blocked,
    category: draft.category,
    setJob,
  });
  const hasCitizen = Boolean(call.citizenId);
  useJobPrefill({ job, setJob, units: units.data, postOffices, hasCitizen, citizen, draft });

  const submitCall = async (e?: FormEvent) => {
    e?.preventDefault();
    await saveCall().catch(() => undefined);
  };

  // Set when a send is held back for a missing override reason (the field then says so).
  const [reasonMissing, setReasonMissing] = useState(false);
  const submitJob = async (e?: FormEvent) => {
    e?.preventDefault();
    const problem = jobDraftProblem(job);
    setReasonMissing(problem === 'unitOverrideReason');
    if (problem) {
      focusSoon(problem === 'unit' ? 'job-unit' : 'job-unit-reason');
      return;
    }
    const saved = await saveCall().catch(() => undefined);
    if (!saved) return;
    createJob.mutate(
      { callId: call.id, ...jobInputOf(job, saved.citizenId) },
      { onSuccess: () => clearJob() },
    );
  };

  const closeCall = () => {
    void saveCall()
      .then(() => close.mutateAsync(call.id))
      .then(() => {
        clearDraft();
        clearJob();
        onDone();
      })
      .catch(() => undefined);
  };

  useShortcuts({
    'ctrl+enter': () => void (job.open && !call.jobId ? submitJob() : submitCall()),
    'alt+l': closeCall,
  });

  return {
    history,
    citizen,
    draft,
    setDraft,
    job,
    setJob,
    postOffices,
    nextDays,
    closed,
    update,
    createCitizen,
    close,
    createJob,
    submitCall,
    submitJob,
    closeCall,
    reasonMissing,
  };
}
