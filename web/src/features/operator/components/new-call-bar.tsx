import type { RefObject } from 'react';

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
  const create = useCreateCall();
  const submit = (callerPhone: string, clear: () => void) =>
    create.mutate(
      { callerPhone, direction: 'inbound' },
      {
        onSuccess: (c) => {
          clear();
          onCreated(c.id);
        },
      },
    );
  return (
    <PhoneBar
      name="newCall"
      shortcut="Alt+N"
      inputRef={inputRef}
      mutation={create}
      onSubmit={submit}
    />
  );
}
