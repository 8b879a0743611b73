import { foldVietnamese, naturalCompare } from '@tannha/shared';

import type { Unit } from '@tannha/shared';

export type UnitNode = Unit & { children: UnitNode[] };

/**
 * Turns the flat unit list into a forest ordered by name. A unit whose parent is missing from
 * the list (the user sees only part of the province) becomes a root instead of disappearing,
 * and a parent cycle in bad data is broken rather than looping forever.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { ...unit, children: [] });

  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }

  // "Bưu cục 2" before "Bưu cục 10".
  const byName = (a: UnitNode, b: UnitNode) =>
    naturalCompare(foldVietnamese(a.name), foldVietnamese(b.name)) ||
    naturalCompare(a.name, b.name);
  const sortDeep = (list: UnitNode[]) => {
    list.sort(byName);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

/** True when `candidate` would sit above `node` already, i.e. linking them closes a cycle. */
function isAncestor(node: UnitNode, candidate: UnitNode, nodes: Map<string, UnitNode>): boolean {
  const seen = new Set<string>();
  let current: UnitNode | undefined = candidate;
  while (current && !seen.has(current.id)) {
    if (current.id === node.id) return true;
    seen.add(current.id);
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return false;
}
