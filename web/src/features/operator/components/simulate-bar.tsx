import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { Checkbox } from '@/components/ui/checkbox';

import { useSimulateCall } from '../api/telephony.api';
import styles from './operator-console.module.css';
import { PhoneBar } from './phone-bar';

/** Rings the console from a number (the built-in stand-in for a real phone line). */
export function SimulateBar({
  inputRef,
  onPop,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onPop: (id: string) => void;
}) {
  const { t } = useTranslation('operator');
  const [outOfHours, setOutOfHours] = useState(false);
  const simulate = useSimulateCall();
  const submit = (from: string, clear: () => void) =>
    simulate.mutate(
      { from, outOfHours },
      {
        onSuccess: (r) => {
          clear();
          if (!outOfHours) onPop(r.callId);
        },
      },
    );
  const check = (
    <Checkbox
      className={styles.check}
      label={t('simulate.outOfHours')}
      checked={outOfHours}
      onChange={setOutOfHours}
    />
  );
  const done = simulate.isSuccess && outOfHours && (
    <span role="status">{t('simulate.outOfHoursDone', { ticket: simulate.data.ticketCode })}</span>
  );
  return (
    <PhoneBar
      name="simulate"
      shortcut="Alt+S"
      inputRef={inputRef}
      mutation={simulate}
      onSubmit={submit}
      extra={check}
      status={done}
    />
  );
}
