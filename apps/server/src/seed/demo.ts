import type { Logger } from 'pino';
import { messages, type Role } from '@tillit/core';
import type { Db } from '../db/database.js';
import { makeOrganization, makeUnit, makeUser } from './factories.js';
import demo from './data/region-exempel.json' with { type: 'json' };
import { modules } from '../modules/index.js';
import type { DemoSeedStep } from '../platform/module.js';

interface UnitSpec {
  key: string;
  name: string;
  kind: string;
  children?: UnitSpec[];
}

/** A module's demo content (its manifest's `seed`), run after the base. */
export type DemoExtension = DemoSeedStep;

/** Creates Region Exempel once; a second run finds it and does nothing. */
export async function seedDemo(db: Db, opts: { log?: Logger } = {}): Promise<{ created: boolean; organizationId: string }> {
  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('org_number', '=', demo.organization.orgNumber)
    .executeTakeFirst();
  if (existing) return { created: false, organizationId: existing.id };
  const result = await db.transaction().execute(async (trx) => {
    const { org, root } = await makeOrganization(trx, demo.organization);
    const units = new Map<string, { id: string; path: string[]; organization_id: string }>([['root', root]]);
    const addUnits = async (specs: UnitSpec[], parent: { id: string; path: string[]; organization_id: string }) => {
      for (const spec of specs) {
        const unit = await makeUnit(trx, parent, { name: spec.name, kind: spec.kind });
        units.set(spec.key, unit);
        if (spec.children) await addUnits(spec.children, unit);
      }
    };
    await addUnits(demo.units as UnitSpec[], root);
    const users = new Map<string, string>();
    for (const u of demo.users) {
      const user = await makeUser(trx, org.id, {
        email: u.email,
        name: u.name,
        password: demo.password,
        isPlatformAdmin: Boolean(u.platformAdmin),
        roles: [{ role: u.role as Role, unitId: units.get(u.unit)!.id }],
      });
      users.set(u.role, user.id);
    }
    return { organizationId: org.id, units, users };
  });
  for (const m of modules) if (m.seed) await m.seed(db, result);
  opts.log?.info({ organization: demo.organization.name }, 'demo organisation created');
  return { created: true, organizationId: result.organizationId };
}

/** Prints the demo sign-ins while the demo users still have the demo password. */
export async function printDemoLogins(db: Db): Promise<void> {
  const org = await db.selectFrom('organizations').select('id').where('org_number', '=', demo.organization.orgNumber).executeTakeFirst();
  if (!org) return;
  console.log(`\n${demoLoginLines().join('\n')}`);
}

/** The demo sign-ins as a person reads them: in Swedish, each role by its name and where it is held. */
export function demoLoginLines(): string[] {
  const unitNames = new Map<string, string>();
  const collect = (specs: UnitSpec[]) => specs.forEach((u) => (unitNames.set(u.key, u.name), collect(u.children ?? [])));
  collect(demo.units as UnitSpec[]);
  const roleNames: Record<string, string> = messages.sv.roles;
  const users = demo.users.map((u) => {
    const where = u.unit === 'root' ? '' : ` (${unitNames.get(u.unit) ?? u.unit})`;
    const also = u.platformAdmin ? ', även plattformsadministratör' : '';
    return `  ${u.email.padEnd(26)} ${roleNames[u.role] ?? u.role}${where}${also}`;
  });
  return [`Demoinloggningar för ${demo.organization.name} (lösenord: ${demo.password}):`, ...users];
}
