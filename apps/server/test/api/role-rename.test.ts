import { describe, expect, it } from 'vitest';
import { messages, permissionsOf } from '@tillit/core';
import { up } from '../../src/modules/users/migrations/20261205T0100_system_steward.js';
import { recordAudit } from '../../src/platform/audit/audit.js';
import { systemActor } from '../../src/platform/access.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { events, row } from '../helpers/audit.js';

const t = useTestApp();

describe('the system steward role (formerly system_administrator)', () => {
  it('moves existing grants to the new code in the migration, and older audit events still read as Systemförvaltare', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'system_steward', unit: 'a' }]);
    const steward = users['system_steward@a']!;
    // A database from before the rename: the grant and an event carry the old code.
    await t.db.updateTable('role_assignments').set({ role: 'system_administrator' }).where('user_id', '=', steward.id).execute();
    await t.db.transaction().execute((trx) =>
      recordAudit(trx, systemActor(org.id), {
        action: 'grant',
        entityType: 'role_assignment',
        entityLabel: steward.email,
        changes: { role: { after: 'system_administrator' } },
      }),
    );

    await t.db.transaction().execute((trx) => up(trx));
    const grants = await t.db.selectFrom('role_assignments').select('role').where('user_id', '=', steward.id).execute();
    expect(grants).toEqual([{ role: 'system_steward' }]);

    const admin = await signIn(t.app, users.admin!.email);
    const [old] = await events(admin, 'action=grant&entityType=role_assignment');
    expect(row(old!, 'role')?.after).toBe('Systemförvaltare');
    const session = (await (await signIn(t.app, steward.email)).get('/api/v1/auth/session')).json();
    expect(JSON.stringify(session)).not.toContain('system_administrator');
  });

  it('is named Systemförvaltare, beside the new Systemägare; the auditor reads as Granskare (läsbehörighet)', () => {
    expect(messages.sv.roles.system_steward).toBe('Systemförvaltare');
    expect(messages.sv.roles.system_owner).toBe('Systemägare');
    expect(messages.sv.roles.auditor).toBe('Granskare (läsbehörighet)');
    expect(permissionsOf('system_owner')).toEqual(expect.arrayContaining(['asset.read', 'asset.write', 'classification.read']));
  });
});
