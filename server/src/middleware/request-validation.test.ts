import { describe, expect, it } from 'vitest';
import { badTextPaths, isCleanText, jsonDepthExceeds } from './request-validation';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds(bytes('[[[1]]]'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('[[[[1]]]]'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":{"b":"[[[[[[ \\" {{{{"}}'), 2)).toBe(false);
  });

  it('stops at the limit on a bracket bomb', () => {
    expect(jsonDepthExceeds(bytes('['.repeat(100_000)), 32)).toBe(true);
  });
});

describe('badTextPaths', () => {
  it('names each field holding NUL or a lone surrogate, keys included', () => {
    const value = {
      fullName: 'Lê Văn Tám',
      notes: 'a\u0000b',
      addresses: [{ label: 'Nhà' }, { label: '\ud800' }],
      ['k\u0000']: 'x',
    };
    expect(badTextPaths(value, '')).toEqual(['?', 'addresses.1.label', 'notes']);
    expect(badTextPaths({ q: '\udc00' }, 'query')).toEqual(['query.q']);
  });

  it('accepts every well-formed string, emoji included', () => {
    expect(isCleanText('Đặng Minh Dũng 👍 — ghi chú')).toBe(true);
    expect(badTextPaths({ a: ['😀', { b: 'ổn' }], n: 3, z: null }, '')).toEqual([]);
  });
});
