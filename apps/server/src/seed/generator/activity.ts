import { personName } from './names.js';
import type { AuditActivity, GeneratedUnit, GeneratedUser } from './steps.js';
import words from '../data/generator-words.json' with { type: 'json' };

/**
 * Everyday activity of the foundation: sign-ins and sign-outs dominate any ISMS's log, then account
 * and role administration. Users appear in the log only after they joined (activities are asked in
 * time order, so a moving cursor over the users sorted by creation is enough).
 */
export function foundationActivities(
  users: GeneratedUser[],
  units: GeneratedUnit[],
): { activities: AuditActivity[]; lastLogin: Map<string, Date> } {
  const active = users.filter((u) => u.status !== 'invited');
  const admins = active.filter((u) => u.grants.some((g) => g.role === 'admin' || g.role === 'security_coordinator'));
  const lastLogin = new Map<string, Date>();
  const cursor = (list: GeneratedUser[]) => {
    let n = 0;
    return (at: Date) => {
      while (n < list.length && list[n]!.createdAt <= at) n++;
      return n;
    };
  };
  const activeUntil = cursor(active);
  const adminUntil = cursor(admins);
  const someone = (rng: { int(a: number, b: number): number }, at: Date) => {
    const n = activeUntil(at);
    return n ? active[rng.int(0, n - 1)]! : null;
  };
  const byAdmin = (rng: { int(a: number, b: number): number }, at: Date) => {
    const n = adminUntil(at);
    const admin = n ? admins[rng.int(0, n - 1)]! : null;
    const user = someone(rng, at);
    return admin && user ? { actor: { id: admin.id, name: admin.name }, user } : null;
  };
  const subUnits = units.filter((u) => u.parentId);

  const activities: AuditActivity[] = [
    {
      name: 'login',
      weight: 55,
      make: (rng, at) => {
        const u = someone(rng, at);
        if (!u) return null;
        lastLogin.set(u.id, at);
        return { actor: { id: u.id, name: u.name }, action: 'login', entityType: 'session', entityId: u.id, entityLabel: u.name };
      },
    },
    {
      name: 'logout',
      weight: 18,
      make: (rng, at) => {
        const u = someone(rng, at);
        return u && { actor: { id: u.id, name: u.name }, action: 'logout', entityType: 'session', entityId: u.id, entityLabel: u.name };
      },
    },
    {
      name: 'login failed',
      weight: 3,
      make: (rng, at) => {
        const u = someone(rng, at);
        return (
          u && {
            actor: { id: u.id, name: u.name },
            action: 'login_failed',
            entityType: 'session',
            entityId: u.id,
            entityLabel: u.name,
            changes: { failedAttempts: { after: rng.int(1, 4) } },
          }
        );
      },
    },
    {
      name: 'password change',
      weight: 1,
      make: (rng, at) => {
        const u = someone(rng, at);
        return (
          u && { actor: { id: u.id, name: u.name }, action: 'password_change', entityType: 'user', entityId: u.id, entityLabel: u.name }
        );
      },
    },
    {
      name: 'user renamed',
      weight: 1,
      make: (rng, at) => {
        const p = byAdmin(rng, at);
        if (!p) return null;
        const before = `${p.user.name.split(' ')[0]} ${personName(rng).last}`;
        return {
          actor: p.actor,
          action: 'update',
          entityType: 'user',
          entityId: p.user.id,
          entityLabel: p.user.name,
          changes: { name: { before, after: p.user.name } },
        };
      },
    },
    {
      name: 'role granted or revoked',
      weight: 2,
      make: (rng, at) => {
        const p = byAdmin(rng, at);
        const g = p && rng.pick(p.user.grants);
        if (!p || !g) return null;
        const fields = { role: g.role, unitId: g.unitId, userId: p.user.id };
        const grant = rng.chance(0.7);
        const changes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, grant ? { after: v } : { before: v }]));
        return {
          actor: p.actor,
          action: grant ? 'grant' : 'revoke',
          entityType: 'role_assignment',
          entityId: g.id,
          entityLabel: p.user.name,
          unitId: g.unitId,
          changes,
        };
      },
    },
    {
      name: 'password reset',
      weight: 0.5,
      make: (rng, at) => {
        const p = byAdmin(rng, at);
        return p && { actor: p.actor, action: 'password_reset', entityType: 'user', entityId: p.user.id, entityLabel: p.user.name };
      },
    },
    {
      name: 'unit described',
      weight: 0.5,
      make: (rng, at) => {
        const p = byAdmin(rng, at);
        const unit = subUnits.length ? rng.pick(subUnits) : null;
        if (!p || !unit) return null;
        const after = `Ansvarar för ${rng.pick(words.topics)} inom ${unit.name}.`;
        return {
          actor: p.actor,
          action: 'update',
          entityType: 'unit',
          entityId: unit.id,
          entityLabel: unit.name,
          unitId: unit.id,
          changes: { description: { before: null, after } },
        };
      },
    },
  ];
  return { activities, lastLogin };
}
