import {
  CALL_CATEGORIES,
  addDays,
  dayOfWeek,
  toVnDate,
  maskPhone,
  POSTAL_LEG_TIERS,
  normalizePhone,
  vnStartOfDay,
  type Call,
  type IncomingCallEvent,
  type PostalLegTier,
  type Procedure,
} from '@tannha/shared';
import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { ApiError } from '@/lib/api-client';
import { formatDate, formatDateTime, formatMoney, formatPhone } from '@/lib/format';

import {
  operatorKeys,
  useCall,
  useCallbacks,
  useCitizenHistory,
  useCloseCall,
  useCompleteCallback,
  useCreateCall,
  useCreateCitizen,
  useCreateJobFromCall,
  useProcedurePicker,
  useScreenPop,
  useSimulateCall,
  useTodayCalls,
  useUnits,
  useUpdateCall,
} from '../api/operator.api';
import { useDraft, useStoredId } from '../hooks/use-draft';
import { useIncomingCalls } from '../hooks/use-incoming-calls';
import { useShortcuts } from '../hooks/use-shortcuts';
import styles from './operator-console.module.css';

type CallDraft = {
  category: string;
  content: string;
  callerName: string;
  addressText: string;
  procedureId: string;
  procedureName: string;
};
type JobDraft = {
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

const EMPTY_CALL: CallDraft = {
  category: '',
  content: '',
  callerName: '',
  addressText: '',
  procedureId: '',
  procedureName: '',
};
const EMPTY_JOB: JobDraft = {
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
const WINDOWS = ['08:00-10:00', '10:00-12:00', '13:30-15:30', '15:30-17:00'];

/** Focuses an element by id as soon as it is on screen (it may still be loading), for up to 3 s. */
function focusSoon(id: string) {
  const until = Date.now() + 3000;
  const tryFocus = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (Date.now() < until) setTimeout(tryFocus, 30);
  };
  setTimeout(tryFocus, 0);
}

function errorText(err: unknown): string | undefined {
  if (!err) return undefined;
  if (err instanceof ApiError) {
    const fields = err.fields ? Object.values(err.fields).join(' · ') : '';
    return fields ? `${err.message} (${fields})` : err.message;
  }
  return (err as Error).message;
}

/** The 1022 desk: incoming-call pop, call form, job from the call, today's calls, callbacks. */
export function OperatorConsole({ telephony }: { telephony: 'twilio' | 'console' | undefined }) {
  const { t } = useTranslation('operator');
  const qc = useQueryClient();
  const [activeCallId, setActiveCallId] = useStoredId('activeCall');
  const [popCallId, setPopCallId] = useStoredId('popCall');
  const simulateRef = useRef<HTMLInputElement>(null);
  const newCallRef = useRef<HTMLInputElement>(null);

  const onIncoming = useCallback(
    (e: IncomingCallEvent) => {
      qc.setQueryData(operatorKeys.screenPop(e.callId), e);
      setPopCallId(e.callId);
    },
    [qc, setPopCallId],
  );
  useIncomingCalls(onIncoming);

  const answer = useCallback(() => {
    if (!popCallId) return;
    setActiveCallId(popCallId);
    setPopCallId(null);
    focusSoon('call-category');
  }, [popCallId, setActiveCallId, setPopCallId]);

  const [jobOpenSignal, setJobOpenSignal] = useState(0);
  useShortcuts({
    'alt+s': () => simulateRef.current?.focus(),
    'alt+n': () => newCallRef.current?.focus(),
    'alt+a': answer,
    'alt+c': () => focusSoon('call-content'),
    'alt+j': () => setJobOpenSignal((n) => n + 1),
    'alt+k': () => document.getElementById('procedure-catalogue')?.querySelector('input')?.focus(),
    escape: () => setPopCallId(null),
  });

  return (
    <div className={styles.console}>
      <div className={styles.topRow}>
        {telephony === 'console' && <SimulateBar inputRef={simulateRef} onPop={setPopCallId} />}
        <NewCallBar
          inputRef={newCallRef}
          onCreated={(id) => {
            setActiveCallId(id);
            focusSoon('call-category');
          }}
        />
      </div>
      {popCallId && (
        <IncomingBanner callId={popCallId} onAnswer={answer} onDismiss={() => setPopCallId(null)} />
      )}
      <div className={styles.columns}>
        <div className={styles.main}>
          {activeCallId ? (
            <ActiveCall
              key={activeCallId}
              callId={activeCallId}
              jobOpenSignal={jobOpenSignal}
              onDone={() => setActiveCallId(null)}
            />
          ) : (
            <section className={styles.card}>
              <EmptyState title={t('noActive.title')} headingLevel={2}>
                <p>{t('noActive.body')}</p>
              </EmptyState>
            </section>
          )}
          <TodayCalls onOpen={(id) => setActiveCallId(id)} />
        </div>
        <aside className={styles.side}>
          <ShortcutHelp telephony={telephony} />
          <CallbacksDue />
        </aside>
      </div>
    </div>
  );
}

function SimulateBar({
  inputRef,
  onPop,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onPop: (id: string) => void;
}) {
  const { t } = useTranslation('operator');
  const [phone, setPhone] = useState('');
  const [outOfHours, setOutOfHours] = useState(false);
  const simulate = useSimulateCall();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    simulate.mutate(
      { from: phone, outOfHours },
      {
        onSuccess: (r) => {
          setPhone('');
          if (!outOfHours) onPop(r.callId);
        },
      },
    );
  };
  return (
    <form className={styles.bar} onSubmit={submit} aria-label={t('simulate.label')}>
      <label className={styles.inline}>
        <span>
          {t('simulate.label')} <kbd>Alt+S</kbd>
        </span>
        <input
          ref={inputRef}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="0912 345 678"
          inputMode="tel"
          autoComplete="off"
        />
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={outOfHours}
          onChange={(e) => setOutOfHours(e.target.checked)}
        />{' '}
        {t('simulate.outOfHours')}
      </label>
      <Button
        type="submit"
        variant="secondary"
        disabled={simulate.isPending || phone.trim() === ''}
      >
        {t('simulate.button')}
      </Button>
      {simulate.isError && (
        <span className={styles.error} role="alert">
          {errorText(simulate.error)}
        </span>
      )}
      {simulate.isSuccess && outOfHours && (
        <span role="status">
          {t('simulate.outOfHoursDone', { ticket: simulate.data.ticketCode })}
        </span>
      )}
    </form>
  );
}

function NewCallBar({
  inputRef,
  onCreated,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('operator');
  const [phone, setPhone] = useState('');
  const create = useCreateCall();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { callerPhone: phone, direction: 'inbound' },
      {
        onSuccess: (c) => {
          setPhone('');
          onCreated(c.id);
        },
      },
    );
  };
  return (
    <form className={styles.bar} onSubmit={submit} aria-label={t('newCall.label')}>
      <label className={styles.inline}>
        <span>
          {t('newCall.label')} <kbd>Alt+N</kbd>
        </span>
        <input
          ref={inputRef}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="0912 345 678"
          inputMode="tel"
          autoComplete="off"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={create.isPending || phone.trim() === ''}>
        {t('newCall.button')}
      </Button>
      {create.isError && (
        <span className={styles.error} role="alert">
          {errorText(create.error)}
        </span>
      )}
    </form>
  );
}

function IncomingBanner({
  callId,
  onAnswer,
  onDismiss,
}: {
  callId: string;
  onAnswer: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('operator');
  const pop = useScreenPop(callId);
  if (pop.isPending) return <LoadingState label={t('pop.loading')} />;
  if (pop.isError) return <ErrorState error={pop.error} onRetry={() => void pop.refetch()} />;
  const e = pop.data;
  return (
    <section
      className={styles.banner}
      role="region"
      aria-label={t('pop.title')}
      aria-live="assertive"
    >
      <div className={styles.bannerHead}>
        <h2>
          {t('pop.title')}: <span className={styles.phone}>{formatPhone(e.callerPhone)}</span> —{' '}
          {e.citizen ? e.citizen.fullName : t('pop.unknown')}
        </h2>
        <span className={styles.ticket}>{e.ticketCode}</span>
        <Button onClick={onAnswer}>
          {t('pop.answer')} <kbd>Alt+A</kbd>
        </Button>
        <Button variant="ghost" onClick={onDismiss}>
          {t('pop.dismiss')} <kbd>Esc</kbd>
        </Button>
      </div>
      <div className={styles.bannerBody}>
        <div>
          <h3>{t('pop.lastCalls')}</h3>
          {e.lastCalls.length === 0 ? (
            <p className={styles.muted}>{t('pop.noCalls')}</p>
          ) : (
            <ul className={styles.compactList}>
              {e.lastCalls.map((c) => (
                <li key={c.id}>
                  {formatDateTime(c.startedAt)} ·{' '}
                  {c.category ? t(`category.${c.category}` as 'category.other') : '—'} ·{' '}
                  {c.outcome ? t(`outcome.${c.outcome}` as 'outcome.answered') : '—'}
                  {c.content && <span className={styles.muted}> — {c.content.slice(0, 80)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('pop.openJobs')}</h3>
          {e.openJobs.length === 0 ? (
            <p className={styles.muted}>{t('pop.noJobs')}</p>
          ) : (
            <ul className={styles.compactList}>
              {e.openJobs.map((j) => (
                <li key={j.id}>
                  <strong>{j.code}</strong> · {t(`jobType.${j.type}` as 'jobType.home_assistance')}{' '}
                  · {t(`status.${j.status}` as 'status.new', { ns: 'jobs' })} · {t('due')}{' '}
                  {formatDate(j.dueDate)}
                </li>
              ))}
            </ul>
          )}
          {e.citizen && e.citizen.addresses[0] && (
            <p className={styles.muted}>{e.citizen.addresses[0].addressText}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function ActiveCall({
  callId,
  jobOpenSignal,
  onDone,
}: {
  callId: string;
  jobOpenSignal: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('operator');
  const call = useCall(callId);
  if (call.isPending) return <LoadingState label={t('call.loading')} />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  return <CallForm call={call.data} jobOpenSignal={jobOpenSignal} onDone={onDone} />;
}

function CallForm({
  call,
  jobOpenSignal,
  onDone,
}: {
  call: Call;
  jobOpenSignal: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('operator');
  const history = useCitizenHistory(call.citizenId);
  const [draft, setDraft, clearDraft] = useDraft<CallDraft>(`call.${call.id}`, {
    ...EMPTY_CALL,
    category: call.category ?? '',
    content: call.content ?? '',
    callerName: call.callerName ?? '',
    procedureId: call.procedureId ?? '',
    procedureName: call.procedureName ?? '',
  });
  const [job, setJob, clearJob] = useDraft<JobDraft>(`job.${call.id}`, EMPTY_JOB);
  const update = useUpdateCall();
  const close = useCloseCall();
  const createCitizen = useCreateCitizen();
  const createJob = useCreateJobFromCall();
  const units = useUnits();
  const postOffices = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'post_office'),
    [units.data],
  );
  const citizen = history.data?.citizen;
  // The next two weeks as dd/MM/yyyy choices (a native date input follows the OS locale, not ours).
  const nextDays = useMemo(() => {
    const today = toVnDate(new Date());
    return Array.from({ length: 14 }, (_, i) => addDays(today, i + 1));
  }, []);
  const closed = call.closedAt !== null;

  // Alt+J opens the job form; the type follows the call's category.
  const lastSignal = useRef(jobOpenSignal);
  useEffect(() => {
    if (jobOpenSignal === lastSignal.current) return;
    lastSignal.current = jobOpenSignal;
    if (closed || call.jobId) return;
    setJob((j) => ({
      ...j,
      open: true,
      type: draft.category === 'delivery_request' ? 'result_delivery' : j.type,
    }));
    focusSoon('job-procedure');
  }, [jobOpenSignal, closed, call.jobId, draft.category, setJob]);

  // Once the form is open and the caller's record has loaded, fill in what is known (once):
  // the saved address with its pin, the caller's post office, the procedure from the call.
  useEffect(() => {
    if (!job.open || job.prefilled || !units.data || (call.citizenId && !citizen)) return;
    const address = citizen?.addresses[0];
    setJob((j) => ({
      ...j,
      prefilled: true,
      unitId:
        j.unitId ||
        (citizen?.unitId && postOffices.some((u) => u.id === citizen.unitId)
          ? citizen.unitId
          : (postOffices[0]?.id ?? '')),
      addressText: j.addressText || address?.addressText || draft.addressText,
      lat: j.lat ?? address?.lat ?? null,
      lng: j.lng ?? address?.lng ?? null,
      procedureId: j.procedureId || draft.procedureId,
      procedureName: j.procedureName || draft.procedureName,
    }));
  }, [
    job.open,
    job.prefilled,
    units.data,
    call.citizenId,
    citizen,
    postOffices,
    draft.addressText,
    draft.procedureId,
    draft.procedureName,
    setJob,
  ]);

  const saveCall = async () => {
    let citizenId = call.citizenId;
    if (!citizenId && draft.callerName.trim().length >= 2) {
      const phone = normalizePhone(call.callerPhone);
      if (phone.ok) {
        const created = await createCitizen.mutateAsync({
          fullName: draft.callerName.trim(),
          phone: call.callerPhone,
          ...(draft.addressText.trim().length >= 5
            ? { addresses: [{ addressText: draft.addressText.trim() }] }
            : {}),
        });
        citizenId = created.id;
      }
    }
    return update.mutateAsync({
      id: call.id,
      category: (draft.category || null) as Call['category'],
      content: draft.content || null,
      callerName: draft.callerName || null,
      procedureId: draft.procedureId || null,
      ...(citizenId !== call.citizenId ? { citizenId } : {}),
    });
  };

  const submitCall = async (e?: FormEvent) => {
    e?.preventDefault();
    await saveCall().catch(() => undefined);
  };

  const submitJob = async (e?: FormEvent) => {
    e?.preventDefault();
    const saved = await saveCall().catch(() => undefined);
    if (!saved) return;
    const window = job.window ? job.window.split('-') : null;
    const day = job.date || null;
    const at = (hhmm: string) =>
      new Date(
        vnStartOfDay(day!).getTime() +
          (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000,
      ).toISOString();
    createJob.mutate(
      {
        callId: call.id,
        type: job.type,
        unitId: job.unitId,
        ...(saved.citizenId ? { citizenId: saved.citizenId } : {}),
        ...(job.procedureId ? { procedureId: job.procedureId } : {}),
        ...(job.type === 'result_delivery' && job.dossierCode
          ? { dossierCode: job.dossierCode }
          : {}),
        addressText: job.addressText,
        ...(job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : {}),
        ...(day && window ? { windowStart: at(window[0]!), windowEnd: at(window[1]!) } : {}),
        ...(job.notes ? { notes: job.notes } : {}),
        postalLegTier: job.postalLegTier,
        saveAddress: true,
      },
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

  const error = errorText(update.error) ?? errorText(createCitizen.error);
  return (
    <section className={styles.card} aria-labelledby="call-form-heading">
      <div className={styles.cardHead}>
        <h2 id="call-form-heading">
          {t('call.title')} {call.ticketCode}
        </h2>
        {closed ? (
          <Badge tone="neutral">{t('call.closed')}</Badge>
        ) : (
          <Badge tone="info">{t('call.open')}</Badge>
        )}
        {call.outcome && (
          <Badge tone="success">{t(`outcome.${call.outcome}` as 'outcome.answered')}</Badge>
        )}
      </div>
      <p className={styles.callerLine}>
        <span className={styles.phone}>{formatPhone(call.callerPhone)}</span> ·{' '}
        {citizen ? citizen.fullName : call.callerName || t('call.unknownCaller')}
        {call.outOfHours && <Badge tone="warning">{t('call.outOfHours')}</Badge>}
      </p>
      <form onSubmit={submitCall} className={styles.form}>
        {!call.citizenId && (
          <div className={styles.row}>
            <label className={styles.field}>
              <span>{t('call.callerName')}</span>
              <input
                value={draft.callerName}
                onChange={(e) => setDraft({ ...draft, callerName: e.target.value })}
                disabled={closed}
                autoComplete="off"
              />
            </label>
            <label className={styles.field}>
              <span>{t('call.callerAddress')}</span>
              <input
                value={draft.addressText}
                onChange={(e) => setDraft({ ...draft, addressText: e.target.value })}
                disabled={closed}
                autoComplete="off"
              />
            </label>
          </div>
        )}
        <div className={styles.row}>
          <label className={styles.field}>
            <span>{t('call.category')}</span>
            <select
              id="call-category"
              value={draft.category}
              onChange={(e) => setDraft({ ...draft, category: e.target.value })}
              disabled={closed}
            >
              <option value="">{t('call.chooseCategory')}</option>
              {CALL_CATEGORIES.map((c, i) => (
                <option key={c} value={c}>
                  {i + 1} · {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className={styles.field}>
          <span>
            {t('call.content')} <kbd>Alt+C</kbd>
          </span>
          <textarea
            id="call-content"
            rows={3}
            value={draft.content}
            onChange={(e) => setDraft({ ...draft, content: e.target.value })}
            disabled={closed}
          />
        </label>
        <div className={styles.actions}>
          <Button type="submit" variant="secondary" disabled={closed || update.isPending}>
            {t('call.save')} <kbd>Ctrl+Enter</kbd>
          </Button>
          {!closed && !call.jobId && (
            <Button variant="secondary" onClick={() => setJob({ ...job, open: true })}>
              {t('call.createJob')} <kbd>Alt+J</kbd>
            </Button>
          )}
          {!closed && (
            <Button variant="ghost" onClick={closeCall} disabled={close.isPending}>
              {t('call.close')} <kbd>Alt+L</kbd>
            </Button>
          )}
          {update.isSuccess && !error && (
            <span role="status" className={styles.ok}>
              {t('call.saved')}
            </span>
          )}
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        {close.isError && <Alert tone="danger">{errorText(close.error)}</Alert>}
      </form>

      {call.jobCode && <Alert tone="success">{t('job.created', { code: call.jobCode })}</Alert>}
      {createJob.isSuccess && (
        <p role="status" className={styles.ok}>
          {t('job.createdDue', {
            code: createJob.data.job.code,
            due: formatDate(createJob.data.job.dueDate),
          })}{' '}
          {createJob.data.smsId ? t('job.smsQueued') : t('job.noSms')}
        </p>
      )}

      {job.open && !call.jobId && !closed && (
        <form onSubmit={submitJob} className={styles.jobForm} aria-labelledby="job-form-heading">
          <h3 id="job-form-heading">{t('job.title')}</h3>
          <div className={styles.row}>
            <label className={styles.field}>
              <span>{t('job.type')}</span>
              <select
                value={job.type}
                onChange={(e) => setJob({ ...job, type: e.target.value as JobDraft['type'] })}
              >
                <option value="home_assistance">{t('jobType.home_assistance')}</option>
                <option value="result_delivery">{t('jobType.result_delivery')}</option>
              </select>
            </label>
            <label className={styles.field}>
              <span>{t('job.unit')}</span>
              <select
                value={job.unitId}
                onChange={(e) => setJob({ ...job, unitId: e.target.value })}
              >
                <option value="">{t('job.chooseUnit')}</option>
                {postOffices.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ProcedurePicker
            query={job.procQuery}
            selected={job.procedureId ? { id: job.procedureId, name: job.procedureName } : null}
            onQuery={(q) => setJob({ ...job, procQuery: q })}
            onPick={(p) =>
              setJob({
                ...job,
                procedureId: p?.id ?? '',
                procedureName: p?.name ?? '',
                procQuery: '',
              })
            }
          />
          <label className={styles.field}>
            <span>{t('job.address')}</span>
            <input
              value={job.addressText}
              onChange={(e) =>
                setJob({ ...job, addressText: e.target.value, lat: null, lng: null })
              }
              autoComplete="off"
            />
            <small className={styles.muted}>
              {job.lat !== null && job.lng !== null
                ? t('job.pinned', { lat: job.lat.toFixed(5), lng: job.lng.toFixed(5) })
                : t('job.noPin')}
            </small>
          </label>
          <div className={styles.row}>
            <label className={styles.field}>
              <span>{t('job.date')}</span>
              <select value={job.date} onChange={(e) => setJob({ ...job, date: e.target.value })}>
                <option value="">{t('job.anyDay')}</option>
                {nextDays.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekday.${dayOfWeek(d)}` as 'weekday.1')} {formatDate(d)}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.field}>
              <span>{t('job.window')}</span>
              <select
                value={job.window}
                onChange={(e) => setJob({ ...job, window: e.target.value })}
              >
                <option value="">{t('job.anyTime')}</option>
                {WINDOWS.map((w) => (
                  <option key={w} value={w}>
                    {w}
                  </option>
                ))}
              </select>
            </label>
            {job.type === 'result_delivery' && (
              <label className={styles.field}>
                <span>{t('job.dossierCode')}</span>
                <input
                  value={job.dossierCode}
                  onChange={(e) => setJob({ ...job, dossierCode: e.target.value.toUpperCase() })}
                  placeholder="H48.19.10-260315-0042"
                />
              </label>
            )}
          </div>
          <label className={styles.field}>
            <span>{t('job.notes')}</span>
            <input
              value={job.notes}
              onChange={(e) => setJob({ ...job, notes: e.target.value })}
              autoComplete="off"
            />
          </label>
          <label className={styles.field}>
            <span>{t('job.postalLegTier')}</span>
            <select
              value={job.postalLegTier}
              onChange={(e) => setJob({ ...job, postalLegTier: e.target.value as PostalLegTier })}
            >
              {POSTAL_LEG_TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {t(`postalLegTier.${tier}`, { ns: 'jobs' })}
                </option>
              ))}
            </select>
            <small className={styles.muted}>{t('job.postalLegHint')}</small>
          </label>
          <div className={styles.actions}>
            <Button type="submit" disabled={createJob.isPending || !job.unitId}>
              {createJob.isPending ? t('job.creating') : t('job.submit')} <kbd>Ctrl+Enter</kbd>
            </Button>
            <Button variant="ghost" onClick={() => setJob({ ...job, open: false })}>
              {t('job.cancel')}
            </Button>
          </div>
          {createJob.isError && <Alert tone="danger">{errorText(createJob.error)}</Alert>}
        </form>
      )}

      {history.data && (
        <div className={styles.history}>
          <h3>{t('history.title')}</h3>
          <ul className={styles.compactList}>
            {history.data.jobs.slice(0, 5).map((j) => (
              <li key={j.id}>
                <strong>{j.code}</strong> · {t(`jobType.${j.type}` as 'jobType.home_assistance')} ·{' '}
                {t(`status.${j.status}` as 'status.new', { ns: 'jobs' })} · {t('due')}{' '}
                {formatDate(j.dueDate)}
                {j.procedureName && <span className={styles.muted}> — {j.procedureName}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ProcedurePicker({
  query,
  selected,
  onQuery,
  onPick,
}: {
  query: string;
  selected: { id: string; name: string } | null;
  onQuery: (q: string) => void;
  onPick: (p: Procedure | null) => void;
}) {
  const { t } = useTranslation('operator');
  const [active, setActive] = useState(0);
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(h);
  }, [query]);
  const results = useProcedurePicker(debounced);
  const items = debounced.length >= 2 ? (results.data ?? []) : [];
  const current = items[Math.min(active, items.length - 1)];
  return (
    <div className={styles.field}>
      <label htmlFor="job-procedure">{t('job.procedure')}</label>
      {selected && (
        <p className={styles.selected}>
          {selected.name}{' '}
          <Button variant="ghost" onClick={() => onPick(null)}>
            {t('job.changeProcedure')}
          </Button>
        </p>
      )}
      <input
        id="job-procedure"
        value={query}
        placeholder={t('job.procedurePlaceholder')}
        autoComplete="off"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="job-procedure-list"
        aria-activedescendant={current ? `proc-${current.id}` : undefined}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && !e.ctrlKey && current) {
            e.preventDefault();
            onPick(current);
          }
        }}
      />
      {items.length > 0 && (
        <ul id="job-procedure-list" role="listbox" className={styles.options}>
          {items.map((p, i) => (
            <li
              key={p.id}
              id={`proc-${p.id}`}
              role="option"
              aria-selected={p.id === current?.id}
              className={i === active ? styles.optionActive : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(p);
              }}
            >
              <span>{p.name}</span>
              <span className={styles.muted}>
                {formatMoney(p.feeVnd)} + {formatMoney(p.postalChargeVnd)} ·{' '}
                {t('job.days', { count: p.processingDays })}
                {p.inPersonOnly && (
                  <>
                    {' '}
                    · <strong className={styles.warn}>{t('job.inPersonOnly')}</strong>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TodayCalls({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('operator');
  const calls = useTodayCalls();
  return (
    <section className={styles.card} aria-labelledby="today-heading">
      <div className={styles.cardHead}>
        <h2 id="today-heading">{t('today.title')}</h2>
        {calls.data && (
          <span className={styles.muted}>{t('today.count', { count: calls.data.total })}</span>
        )}
      </div>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <EmptyState title={t('today.empty')} headingLevel={3} />
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>{t('today.ticket')}</th>
              <th>{t('today.time')}</th>
              <th>{t('today.caller')}</th>
              <th>{t('call.category')}</th>
              <th>{t('today.outcome')}</th>
              <th>{t('today.job')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" className={styles.linkButton} onClick={() => onOpen(c.id)}>
                    {c.ticketCode}
                  </button>
                </td>
                <td>{formatDateTime(c.startedAt).slice(0, 5)}</td>
                <td>
                  {c.citizenName ?? c.callerName ?? '—'}{' '}
                  <span className={styles.muted}>{maskPhone(c.callerPhone)}</span>
                </td>
                <td>{c.category ? t(`category.${c.category}`) : '—'}</td>
                <td>
                  {c.outcome ? t(`outcome.${c.outcome}`) : c.closedAt ? '—' : t('today.inProgress')}
                </td>
                <td>{c.jobCode ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CallbacksDue() {
  const { t } = useTranslation('operator');
  const callbacks = useCallbacks();
  const complete = useCompleteCallback();
  return (
    <section className={styles.card} aria-labelledby="callbacks-heading">
      <h2 id="callbacks-heading">{t('callbacks.title')}</h2>
      {callbacks.isPending ? (
        <LoadingState />
      ) : callbacks.isError ? (
        <ErrorState error={callbacks.error} onRetry={() => void callbacks.refetch()} />
      ) : callbacks.data.items.length === 0 ? (
        <p className={styles.muted}>{t('callbacks.empty')}</p>
      ) : (
        <ul className={styles.callbacks}>
          {callbacks.data.items.slice(0, 12).map((c) => (
            <li key={c.id} className={c.overdue ? styles.overdue : undefined}>
              <div>
                <strong>{formatPhone(c.phone)}</strong> {c.citizenName && <>· {c.citizenName}</>}
              </div>
              <div className={styles.muted}>
                {t(`callbacks.reason.${c.reason}`)} ·{' '}
                {c.overdue ? t('callbacks.overdueSince') : t('callbacks.dueAt')}{' '}
                {formatDateTime(c.dueAt)}
              </div>
              <Button
                variant="ghost"
                onClick={() => complete.mutate(c.id)}
                disabled={complete.isPending}
              >
                {t('callbacks.done')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ShortcutHelp({ telephony }: { telephony: 'twilio' | 'console' | undefined }) {
  const { t } = useTranslation('operator');
  const rows: [string, string][] = [
    ...(telephony === 'console' ? ([['Alt+S', t('keys.simulate')]] as [string, string][]) : []),
    ['Alt+N', t('keys.newCall')],
    ['Alt+A', t('keys.answer')],
    ['Alt+C', t('keys.content')],
    ['Alt+J', t('keys.job')],
    ['Alt+K', t('keys.catalogue')],
    ['Ctrl+Enter', t('keys.save')],
    ['Alt+L', t('keys.close')],
    ['Esc', t('keys.dismiss')],
  ];
  return (
    <section className={styles.card} aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keys.title')}</h2>
      <dl className={styles.keys}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
