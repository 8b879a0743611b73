import { useEffect, useRef } from 'react';

/** `alt+a`, `ctrl+enter`, `escape` … → handler. Keys are `event.code`-based for Alt (layout-proof). */
export type ShortcutMap = Record<string, () => void>;

function comboOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('ctrl');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey) parts.push('shift');
  const key = e.code.startsWith('Key')
    ? e.code.slice(3).toLowerCase()
    : e.code.startsWith('Digit')
      ? e.code.slice(5)
      : e.key.toLowerCase();
  parts.push(key);
  return parts.join('+');
}

/** Page-wide keyboard shortcuts; they work from inside form fields too. */
export function useShortcuts(map: ShortcutMap) {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const fn = ref.current[comboOf(e)];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
