import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

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
  const [phone, setPhone] = useState('');
  const [outOfHours, setOutOfHours] = useState(false);
  const simulate = useSimulateCall();
  const submit = () =>
    simulate.mutate(
      { from: phone, outOfHours },
      {
        onSuccess: (r) => {
          setPhone('');
          if (!outOfHours) onPop(r.callId);
        },
      },
    );
  return (
    <PhoneBar
      label={t('simulate.label')}
      shortcut="Alt+S"
      inputRef={inputRef}
      phone={phone}
      onPhoneChange={setPhone}
      onSubmit={submit}
      buttonText={t('simulate.button')}
      pending={simulate.isPending}
      error={simulate.isError ? simulate.error : null}
      extra={
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={outOfHours}
            onChange={(e) => setOutOfHours(e.target.checked)}
          />{' '}
          {t('simulate.outOfHours')}
        </label>
      }
      status={
        simulate.isSuccess &&
        outOfHours && (
          <span role="status">
            {t('simulate.outOfHoursDone', { ticket: simulate.data.ticketCode })}
          </span>
        )
      }
    />
  );
}
