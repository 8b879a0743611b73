import { useState, type ChangeEvent } from 'react';

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A form's values in one state object; `field(name)` gives an input or select its `value` and an
 * `onChange` that writes that one value back.
 */
export function useFormFields<T extends Record<string, string>>(initial: T | (() => T)) {
  const [form, setForm] = useState<T>(initial);
  const field = <K extends keyof T & string>(name: K) => ({
    value: form[name],
    // A select offers only the values its options allow, so the value fits the field's type.
    onChange: (e: ChangeEvent<FieldElement>) =>
      setForm((prev) => ({ ...prev, [name]: e.target.value as T[K] })),
  });
  return { form, setForm, field };
}
