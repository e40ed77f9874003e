import type { Role } from '@tillit/core';
import { ascii, personName } from './names.js';
import type { KnownUser } from './profiles.js';
import type { Random } from './random.js';
import type { GeneratedUnit, GeneratedUser } from './steps.js';

const DAY = 86_400_000;

/** How often each role is held, and where: most people own information or run systems out in the organisation. */
const ROLE_MIX: { weight: number; value: { role: Role; at: GeneratedUnit['kind'][] } }[] = [
  { weight: 1, value: { role: 'admin', at: ['organization'] } },
  { weight: 3, value: { role: 'security_coordinator', at: ['organization', 'administration'] } },
  { weight: 25, value: { role: 'information_owner', at: ['administration', 'operation'] } },
  { weight: 40, value: { role: 'system_steward', at: ['operation', 'unit'] } },
  { weight: 15, value: { role: 'risk_owner', at: ['administration', 'operation'] } },
  { weight: 1, value: { role: 'data_protection_officer', at: ['organization'] } },
  { weight: 5, value: { role: 'auditor', at: ['organization', 'administration'] } },
];

/**
 * The organisation's people: the known sign-ins first (printed after seeding), then `total` in all
 * with composed names, each with one or two role assignments. A third joined at launch, the rest
 * over the first 90 % of the period, so the history grows like a real installation's.
 */
export function planUsers(
  rng: Random,
  opts: { total: number; domain: string; units: GeneratedUnit[]; known: KnownUser[]; since: Date; until: Date },
): GeneratedUser[] {
  const byKind = new Map<string, GeneratedUnit[]>();
  for (const u of opts.units) byKind.set(u.kind, [...(byKind.get(u.kind) ?? []), u]);
  const unitOf = (kinds: readonly string[]) => {
    const pool = kinds.flatMap((k) => byKind.get(k) ?? []);
    return rng.pick(pool.length ? pool : opts.units);
  };
  const emails = new Set<string>();
  const users: GeneratedUser[] = [];
  const span = opts.until.getTime() - opts.since.getTime();

  for (const k of opts.known) {
    const email = `${k.local}@${opts.domain}`;
    emails.add(email);
    const unit = k.unit === 'root' ? opts.units[0]! : unitOf([k.unit]);
    users.push({
      id: rng.uuid(),
      email,
      name: k.name,
      status: 'active',
      createdAt: new Date(opts.since.getTime() + 3_600_000),
      grants: [{ id: rng.uuid(), role: k.role, unitId: unit.id }],
    });
  }
  while (users.length < opts.total) {
    const name = personName(rng);
    const local = `${ascii(name.first)}.${ascii(name.last)}`;
    let email = `${local}@${opts.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${opts.domain}`;
    emails.add(email);
    const offset = rng.chance(0.33) ? rng.next() * Math.min(60 * DAY, span * 0.1) : rng.next() * span * 0.9;
    const roles = [rng.weighted(ROLE_MIX)];
    if (rng.chance(0.2)) roles.push(rng.weighted(ROLE_MIX));
    const grants = new Map<string, { id: string; role: Role; unitId: string }>();
    for (const r of roles) {
      const unit = unitOf(r.at);
      grants.set(`${r.role}/${unit.id}`, { id: rng.uuid(), role: r.role, unitId: unit.id });
    }
    const roll = rng.next();
    users.push({
      id: rng.uuid(),
      email,
      name: name.full,
      status: roll < 0.94 ? 'active' : roll < 0.98 ? 'invited' : 'disabled',
      createdAt: new Date(opts.since.getTime() + 7_200_000 + offset),
      grants: [...grants.values()],
    });
  }
  return users.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
