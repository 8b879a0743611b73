import type { IncomingCallEvent } from '@tannha/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '@/components/ui/feedback';

import { useAnswerCall, useDismissCall } from '../api/calls.api';
import { operatorKeys } from '../api/operator-keys';
import { useStoredId } from '../hooks/use-draft';
import { useIncomingCalls } from '../hooks/use-incoming-calls';
import { useJobRequests } from '../hooks/use-job-requests';
import { useShortcuts } from '../hooks/use-shortcuts';
import { focusSoon } from '../utils/focus-soon';
import { ActiveCall } from './active-call';
import type { PlaceSettings } from './job-pin-fields';
import { CallbacksDue } from './callbacks-due';
import { IncomingBanner } from './incoming-banner';
import { NewCallBar } from './new-call-bar';
import styles from './operator-console.module.css';
import { ShortcutHelp } from './shortcut-help';
import { SimulateBar } from './simulate-bar';
import { TodayCalls } from './today-calls';

/** The 1022 desk: incoming-call pop, call form, job from the call, today's calls, callbacks. */
export function OperatorConsole({
  telephony,
  places,
  pickedProcedure,
}: {
  telephony: 'twilio' | 'console' | undefined;
  /** A procedure chosen in the catalogue ("Tạo việc với thủ tục này"); `n` counts the picks. */
  pickedProcedure?: { procedure: { id: string; name: string }; n: number } | null | undefined;
  /** The map's tiles, the geocoder and where the map opens, once the configuration has loaded. */
  places: PlaceSettings | undefined;
}) {
  const { t } = useTranslation('operator');
  const qc = useQueryClient();
  const simulateRef = useRef<HTMLInputElement>(null);
  const newCallRef = useRef<HTMLInputElement>(null);
  const [activeCallId, setStoredActiveCallId] = useStoredId('activeCall');
  const focusNewCall = useCallback(() => newCallRef.current?.focus(), []);
  const jobs = useJobRequests(activeCallId, pickedProcedure ?? null, focusNewCall);
  const setActiveCallId = useCallback(
    (id: string | null) => {
      setStoredActiveCallId(id);
      if (id) jobs.onCallActive(id);
    },
    [setStoredActiveCallId, jobs],
  );
  const [popCallId, setPopCallId] = useStoredId('popCall');

  const onIncoming = useCallback(
    (e: IncomingCallEvent) => {
      qc.setQueryData(operatorKeys.telephony.screenPop(e.callId), e);
      setPopCallId(e.callId);
    },
    [qc, setPopCallId],
  );
  useIncomingCalls(onIncoming);

  const { mutate: takeCall } = useAnswerCall();
  const answer = useCallback(() => {
    if (!popCallId) return;
    takeCall(popCallId);
    setActiveCallId(popCallId);
    setPopCallId(null);
    focusSoon('call-category');
  }, [popCallId, setActiveCallId, setPopCallId, takeCall]);
  // A dismissed ringing call is not lost: the server turns it into a callback.
  const { mutate: dismissCall } = useDismissCall();
  const dismiss = useCallback(() => {
    if (!popCallId) return;
    dismissCall(popCallId);
    setPopCallId(null);
  }, [popCallId, setPopCallId, dismissCall]);

  useShortcuts({
    'alt+s': () => simulateRef.current?.focus(),
    'alt+n': () => newCallRef.current?.focus(),
    'alt+a': answer,
    'alt+c': () => focusSoon('call-content'),
    'alt+j': jobs.openJob,
    'alt+k': () => document.getElementById('procedure-catalogue')?.querySelector('input')?.focus(),
    escape: dismiss,
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
      {popCallId && <IncomingBanner callId={popCallId} onAnswer={answer} onDismiss={dismiss} />}
      <div className={styles.columns}>
        <div className={styles.main}>
          {activeCallId ? (
            <ActiveCall
              key={activeCallId}
              callId={activeCallId}
              jobOpenSignal={jobs.signal}
              onDone={() => setActiveCallId(null)}
              places={places}
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
