import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { useCreateCall } from '../api/calls.api';
import { PhoneBar } from './phone-bar';

/** Logs an inbound call by the caller's number and opens it. */
export function NewCallBar({
  inputRef,
  onCreated,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('operator');
  const [phone, setPhone] = useState('');
  const create = useCreateCall();
  const submit = () =>
    create.mutate(
      { callerPhone: phone, direction: 'inbound' },
      {
        onSuccess: (c) => {
          setPhone('');
          onCreated(c.id);
        },
      },
    );
  return (
    <PhoneBar
      label={t('newCall.label')}
      shortcut="Alt+N"
      inputRef={inputRef}
      phone={phone}
      onPhoneChange={setPhone}
      onSubmit={submit}
      buttonText={t('newCall.button')}
      pending={create.isPending}
      error={create.isError ? create.error : null}
    />
  );
}
