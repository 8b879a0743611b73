import { foldVietnamese } from '@tannha/shared';

/** A paper on the pickup checklist; `copy` is null until the courier says which it is. */
export type ChecklistPaper = { name: string; copy: 'original' | 'copy' | null; present: boolean };

/**
 * The kind a paper's published name already says: "Bản sao …" is a copy, "Bản chính …" an
 * original; any other name says nothing, and the courier picks at the door.
 */
export function paperKindFromName(name: string): 'original' | 'copy' | null {
  const n = foldVietnamese(name).toLowerCase();
  if (/\bban sao\b/.test(n)) return 'copy';
  if (/\bban chinh\b/.test(n)) return 'original';
  return null;
}

/** The procedure's papers as the checklist starts: all present, the kind from the name. */
export function checklistFrom(names: readonly string[]): ChecklistPaper[] {
  return names.map((name) => ({ name, copy: paperKindFromName(name), present: true }));
}
