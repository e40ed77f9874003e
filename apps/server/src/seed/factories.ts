import type { Role } from '@tillit/core';
import type { Trx } from '../db/database.js';
import { systemActor, type Actor } from '../platform/access.js';
import { recordAudit } from '../platform/audit/audit.js';
import { hashPassword } from '../platform/auth/secrets.js';
import { insertOrganization } from '../modules/organizations/organizations.service.js';
import * as unitsRepo from '../modules/units/units.repository.js';
import * as usersRepo from '../modules/users/users.repository.js';

/**
 * Factories with overrides, shared by tests, the demo organisation and the benchmark generator.
 * They write through the repositories and record audit events like the services do.
 */
let counter = 0;
const next = () => ++counter;

/** A valid Swedish organisation number (Luhn) from a running number. */
export function orgNumberFor(n: number): string {
  const nine = `2321${String(n).padStart(5, '0')}`.slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export async function makeOrganization(trx: Trx, overrides: Partial<{ name: string; orgNumber: string; kind: string }> = {}) {
  const n = next();
  const input = {
    name: `Region Test ${n}`,
    orgNumber: orgNumberFor(Math.floor(Math.random() * 90000) + 10000),
    kind: 'region',
    ...overrides,
  };
  return insertOrganization(trx, systemActor('00000000-0000-0000-0000-000000000000', 'Tillit (system)'), input);
}

export async function makeUnit(
  trx: Trx,
  parent: { id: string; organization_id: string; path: string[] },
  overrides: Partial<{ name: string; kind: string; description: string | null }> = {},
  actor?: Actor,
) {
  const unit = await unitsRepo.insert(trx, {
    organization_id: parent.organization_id,
    parent_id: parent.id,
    parentPath: parent.path,
    name: overrides.name ?? `Enhet ${next()}`,
    kind: overrides.kind ?? 'unit',
    description: overrides.description ?? null,
  });
  await recordAudit(trx, actor ?? systemActor(parent.organization_id), {
    action: 'create',
    entityType: 'unit',
    entityId: unit.id,
    entityLabel: unit.name,
    unitId: unit.id,
    after: { name: unit.name, kind: unit.kind },
  });
  return unit;
}

const hashCache = new Map<string, Promise<string>>();
/** Hashing is deliberately slow; tests and seeds reuse one hash per distinct password. */
const cachedHash = (password: string) => {
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  return hashCache.get(password)!;
};

export async function makeUser(
  trx: Trx,
  organizationId: string,
  overrides: Partial<{
    email: string;
    name: string;
    password: string | null;
    status: string;
    isPlatformAdmin: boolean;
    locale: string;
    roles: { role: Role; unitId: string }[];
  }> = {},
  actor?: Actor,
) {
  const n = next();
  const password = overrides.password === undefined ? 'correct-horse-battery' : overrides.password;
  const user = await usersRepo.insertUser(trx, {
    organization_id: organizationId,
    email: overrides.email ?? `user${n}-${Math.random().toString(36).slice(2, 8)}@test.example`,
    name: overrides.name ?? `Användare ${n}`,
    status: overrides.status ?? (password ? 'active' : 'invited'),
    password_hash: password ? await cachedHash(password) : null,
    is_platform_admin: overrides.isPlatformAdmin ?? false,
    locale: overrides.locale ?? 'sv',
  });
  const who = actor ?? systemActor(organizationId);
  await recordAudit(trx, who, {
    action: 'create',
    entityType: 'user',
    entityId: user.id,
    entityLabel: user.name,
    after: { email: user.email, name: user.name, status: user.status },
  });
  for (const g of overrides.roles ?? []) {
    const grant = await usersRepo.insertGrant(trx, { organization_id: organizationId, user_id: user.id, role: g.role, unit_id: g.unitId });
    await recordAudit(trx, who, {
      action: 'grant',
      entityType: 'role_assignment',
      entityId: grant!.id,
      entityLabel: user.name,
      unitId: g.unitId,
      after: { role: g.role, unitId: g.unitId, userId: user.id },
    });
  }
  return user;
}
