import { describe, expect, it } from 'vitest';

import en from './en.json';
import vi from './vi.json';

// Vietnamese has one plural form and English two, so keys are compared without the suffix.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key.replace(PLURAL_SUFFIX, '')}`],
  );
}

describe('locales', () => {
  it('gives every Vietnamese string an English twin and nothing more', () => {
    expect([...new Set(keysOf(en))].sort()).toEqual([...new Set(keysOf(vi))].sort());
  });

  it('has no empty strings', () => {
    const empty = (tree: object): boolean =>
      Object.values(tree).some((v) =>
        typeof v === 'string' ? v.trim() === '' : empty(v as object),
      );
    expect(empty(vi)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
