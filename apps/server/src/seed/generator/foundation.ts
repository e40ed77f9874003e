import type { GeneratorContext, GeneratedUser } from './steps.js';
import { planUnits } from './units.js';
import { planUsers } from './users.js';
import type { KnownUser, OrgPlan } from './profiles.js';

const SYSTEM = { id: null, name: 'Tillit (system)' };

/**
 * The organisation, its unit tree, its people and their role assignments, with the audit events
 * the application would have written for each of them.
 */
export async function generateFoundation(ctx: GeneratorContext, plan: OrgPlan, known: KnownUser[]): Promise<void> {
  const { trx, organization: org, since } = ctx;
  const rng = ctx.random('foundation');
  await trx
    .insertInto('organizations')
    .values({ id: org.id, name: org.name, org_number: org.orgNumber, kind: org.kind, created_at: since, updated_at: since })
    .execute();
  ctx.audit.record({
    occurredAt: since,
    actor: SYSTEM,
    action: 'create',
    entityType: 'organization',
    entityId: org.id,
    entityLabel: org.name,
    unitId: org.rootUnitId,
    changes: { name: { after: org.name }, orgNumber: { after: org.orgNumber }, kind: { after: org.kind } },
  });

  const units = planUnits(rng, {
    rootId: org.rootUnitId,
    orgName: plan.name,
    kind: plan.kind,
    total: ctx.sizes.units,
    administrations: ctx.sizes.administrations,
    since,
  });
  ctx.units.push(...units);
  await ctx.copy(
    'units',
    ['id', 'organization_id', 'parent_id', 'name', 'kind', 'description', 'path', 'created_at', 'updated_at'],
    units.map((u) => [u.id, org.id, u.parentId, u.name, u.kind, null, `{${u.path.join(',')}}`, u.createdAt, u.createdAt]),
  );
  for (const u of units.slice(1)) {
    ctx.audit.record({
      occurredAt: u.createdAt,
      actor: SYSTEM,
      action: 'create',
      entityType: 'unit',
      entityId: u.id,
      entityLabel: u.name,
      unitId: u.id,
      changes: {
        name: { after: u.name },
        kind: { after: u.kind },
        description: { after: null },
        parentId: { after: u.parentId },
        closedAt: { after: null },
      },
    });
  }

  const users = planUsers(rng, { total: ctx.sizes.users, domain: plan.domain, units, known, since, until: ctx.until });
  ctx.users.push(...users);
  const platformAdmins = new Set(known.filter((k) => k.platformAdmin).map((k) => `${k.local}@${plan.domain}`));
  await ctx.copy(
    'users',
    ['id', 'organization_id', 'email', 'name', 'password_hash', 'status', 'is_platform_admin', 'created_at', 'updated_at'],
    users.map((u) => [
      u.id,
      org.id,
      u.email,
      u.name,
      u.status === 'invited' ? null : ctx.passwordHash,
      u.status,
      platformAdmins.has(u.email),
      u.createdAt,
      u.createdAt,
    ]),
  );
  await ctx.copy(
    'role_assignments',
    ['id', 'organization_id', 'user_id', 'role', 'unit_id', 'created_at'],
    users.flatMap((u) => u.grants.map((g) => [g.id, org.id, u.id, g.role, g.unitId, u.createdAt])),
  );
  recordPeople(ctx, users, known.length);
}

function recordPeople(ctx: GeneratorContext, users: GeneratedUser[], knownCount: number) {
  const knownEmails = new Set(users.slice(0, knownCount).map((u) => u.email));
  const admin = users.find((u) => u.grants.some((g) => g.role === 'admin') && knownEmails.has(u.email)) ?? users[0]!;
  for (const u of users) {
    const isKnown = knownEmails.has(u.email);
    const actor = isKnown ? SYSTEM : { id: admin.id, name: admin.name };
    ctx.audit.record({
      occurredAt: u.createdAt,
      actor,
      action: isKnown ? 'create' : 'invite',
      entityType: 'user',
      entityId: u.id,
      entityLabel: u.name,
      changes: { email: { after: u.email }, name: { after: u.name }, status: { after: isKnown ? 'active' : 'invited' } },
    });
    for (const g of u.grants) {
      ctx.audit.record({
        occurredAt: new Date(u.createdAt.getTime() + 1000),
        actor,
        action: 'grant',
        entityType: 'role_assignment',
        entityId: g.id,
        entityLabel: u.name,
        unitId: g.unitId,
        changes: { role: { after: g.role }, unitId: { after: g.unitId }, userId: { after: u.id } },
      });
    }
  }
}
