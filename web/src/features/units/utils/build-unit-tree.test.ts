import { describe, expect, it } from 'vitest';

import type { Unit } from '@tannha/shared';
import { buildUnitTree, type UnitNode } from './build-unit-tree';

function unit(id: string, name: string, parentId: string | null = null): Unit {
  return {
    id,
    code: id.toUpperCase(),
    name,
    kind: 'post_office',
    parentId,
    lat: null,
    lng: null,
    address: '',
  };
}

function shape(nodes: UnitNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.id]: shape(n.children) } : n.id));
}

describe('buildUnitTree', () => {
  it('nests units under their parent, ordered by name ignoring diacritics', () => {
    const tree = buildUnitTree([
      unit('p', 'Bưu điện tỉnh'),
      unit('c', 'Bưu cục Trảng Bom', 'p'),
      unit('a', 'Bưu cục Biên Hòa', 'p'),
      unit('d', 'Điểm phục vụ Tam Hiệp', 'a'),
    ]);
    expect(shape(tree)).toEqual([{ p: [{ a: ['d'] }, 'c'] }]);
  });

  it('keeps a unit whose parent is not in the list as a root', () => {
    expect(shape(buildUnitTree([unit('a', 'A', 'missing')]))).toEqual(['a']);
  });

  it('breaks a parent cycle instead of looping', () => {
    const tree = buildUnitTree([unit('a', 'A', 'b'), unit('b', 'B', 'a')]);
    expect(tree.length).toBeGreaterThan(0);
    const count = (nodes: UnitNode[]): number =>
      nodes.reduce((sum, n) => sum + 1 + count(n.children), 0);
    expect(count(tree)).toBe(2);
  });
});
