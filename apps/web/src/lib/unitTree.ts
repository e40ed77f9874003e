import type { UnitView } from '../api';

export interface UnitNode {
  unit: UnitView;
  depth: number;
  children: UnitNode[];
}

const byName = (a: UnitNode, b: UnitNode) => a.unit.name.localeCompare(b.unit.name, 'sv');

/** The server sends a flat list; the tree is built here. Units whose parent is missing become roots. */
export function buildTree(units: UnitView[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, depth: 0, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: UnitNode[], depth: number) => {
    list.sort(byName);
    for (const node of list) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  // The organisation's own unit first, then any orphans.
  roots.sort((a, b) => (a.unit.kind === 'organization' ? -1 : b.unit.kind === 'organization' ? 1 : byName(a, b)));
  for (const root of roots) setDepth(root.children, 1);
  return roots;
}

/** Depth-first order, the order people read a tree in. */
export function flattenTree(roots: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: UnitNode[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** The unit and everything below it: where a unit must not be moved to. */
export function subtreeIds(node: UnitNode): Set<string> {
  const ids = new Set<string>();
  const walk = (n: UnitNode) => {
    ids.add(n.unit.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

export function findNode(roots: UnitNode[], id: string): UnitNode | undefined {
  for (const node of flattenTree(roots)) if (node.unit.id === id) return node;
  return undefined;
}

/** The kind a new sub-unit most likely has, following förvaltning → verksamhet → enhet. */
export function suggestedChildKind(parent: UnitView | undefined): 'administration' | 'operation' | 'unit' {
  if (!parent || parent.kind === 'organization') return 'administration';
  if (parent.kind === 'administration') return 'operation';
  return 'unit';
}

export function parentLookup(units: UnitView[]): (id: string) => string | null | undefined {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  return (id) => parents.get(id);
}
