import { useEffect, useState } from 'react';

/**
 * The value, held back until it has stopped changing for `delayMs`, so typing a search term
 * sends one request instead of one per keystroke.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
