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

// Each feature's namespace (features/<feature>/locales/{vi,en}.json) is held to the same rules.
const featureFiles = import.meta.glob<{ default: object }>('../features/*/locales/*.json', {
  eager: true,
});
const namespaces: [string, { vi: object; en: object }][] = [
  ['translation', { vi, en }],
  ...Object.entries(
    Object.entries(featureFiles).reduce<Record<string, { vi?: object; en?: object }>>(
      (acc, [file, mod]) => {
        const [, feature, lng] = /features\/([^/]+)\/locales\/(vi|en)\.json$/.exec(file)!;
        (acc[feature!] ??= {})[lng as 'vi' | 'en'] = mod.default;
        return acc;
      },
      {},
    ),
  ).map(([feature, files]): [string, { vi: object; en: object }] => [
    feature,
    { vi: files.vi ?? {}, en: files.en ?? {} },
  ]),
];

describe.each(namespaces)('locales of %s', (_name, { vi, en }) => {
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
