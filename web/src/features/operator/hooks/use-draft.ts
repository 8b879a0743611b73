import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'tannha.operator.';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? ({ ...fallback, ...(JSON.parse(raw) as T) } as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Form state kept in sessionStorage under `key` (one draft per call), so a reload or a
 * crashed tab never loses what the operator typed. `clear` forgets it once saved.
 */
export function useDraft<T extends object>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(() => (key ? read(key, initial) : initial));
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    setLoadedKey(key);
    setValue(key ? read(key, initial) : initial);
  }
  useEffect(() => {
    if (!key) return;
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the form still works, it just does not survive a reload.
    }
  }, [key, value]);
  const clear = useCallback(() => {
    if (key) sessionStorage.removeItem(PREFIX + key);
  }, [key]);
  return [value, setValue, clear] as const;
}

/** A single remembered value (the active call id). */
export function useStoredId(name: string) {
  const [id, setId] = useState<string | null>(() => {
    try {
      return sessionStorage.getItem(PREFIX + name);
    } catch {
      return null;
    }
  });
  const set = useCallback(
    (next: string | null) => {
      setId(next);
      try {
        if (next) sessionStorage.setItem(PREFIX + name, next);
        else sessionStorage.removeItem(PREFIX + name);
      } catch {
        // see useDraft
      }
    },
    [name],
  );
  return [id, set] as const;
}
