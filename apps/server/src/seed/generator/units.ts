import { fillPattern, structures, type StructureSpec } from './names.js';
import type { Random } from './random.js';
import type { GeneratedUnit } from './steps.js';

/**
 * The unit tree: the organisation's root, its förvaltningar (administrations) from the structure
 * list, then verksamheter (operations) and enheter (units) under them, `total` in all. About a third
 * of what remains below the administrations are operations, the rest units.
 */
export function planUnits(
  rng: Random,
  opts: { rootId: string; orgName: string; kind: 'region' | 'municipality'; total: number; administrations: number; since: Date },
): GeneratedUnit[] {
  const specs = structures[opts.kind].slice(0, opts.administrations);
  let minute = 0;
  const at = () => new Date(opts.since.getTime() + 60_000 * ++minute);
  const rootId = opts.rootId;
  const root: GeneratedUnit = {
    id: rootId,
    parentId: null,
    path: [rootId],
    name: opts.orgName,
    kind: 'organization',
    createdAt: opts.since,
  };
  const out: GeneratedUnit[] = [root];
  const childNames = new Map<string, Set<string>>();
  const add = (parent: GeneratedUnit, name: string, kind: GeneratedUnit['kind']) => {
    const taken = childNames.get(parent.id) ?? new Set<string>();
    childNames.set(parent.id, taken);
    let unique = name;
    for (let k = 2; taken.has(unique); k++) unique = `${name} ${k}`;
    taken.add(unique);
    const id = rng.uuid();
    const unit: GeneratedUnit = { id, parentId: parent.id, path: [...parent.path, id], name: unique, kind, createdAt: at() };
    out.push(unit);
    return unit;
  };

  const admins = specs.map((s) => ({ spec: s, unit: add(root, s.name, 'administration') }));
  const below = Math.max(0, opts.total - out.length);
  const operationCount = Math.min(below, Math.max(Math.round(below / 3), Math.min(below, admins.length)));
  const unitCount = below - operationCount;

  // Every administration gets an operation first (while there are enough), the rest by weight.
  const operations: { spec: StructureSpec; unit: GeneratedUnit }[] = [];
  for (let i = 0; i < operationCount; i++) {
    const owner = i < admins.length ? admins[i]! : rng.weighted(admins.map((a) => ({ weight: a.spec.weight, value: a })));
    operations.push({ spec: owner.spec, unit: add(owner.unit, fillPattern(rng.pick(owner.spec.operations), rng), 'operation') });
  }
  const parents = operations.length ? operations : admins;
  for (let i = 0; i < unitCount; i++) {
    const owner = rng.pick(parents);
    add(owner.unit, fillPattern(rng.pick(owner.spec.units), rng), 'unit');
  }
  return out;
}
