import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { countEvents as count, events, importRows, row } from '../helpers/audit.js';

const t = useTestApp();
const countEvents = (organizationId: string) => count(t.db, organizationId);

describe('a save that changes nothing', () => {
  it('writes no event, for every kind of edit', async () => {
    const { users, units, org } = await seedOrg(t.db, [
      { role: 'admin' },
      { role: 'security_coordinator' },
      { role: 'auditor', unit: 'a' },
    ]);
    const admin = await signIn(t.app, users.admin!.email);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const asset = (
      await coordinator.post('/api/v1/assets', { kind: 'system', name: 'Oförändrat', unitId: units.a.id, hosting: 'cloud', tags: ['a'] })
    ).json();
    const other = (await coordinator.post('/api/v1/assets', { kind: 'system', name: 'Granne', unitId: units.a.id })).json();
    const set = (await coordinator.post('/api/v1/assets', { kind: 'information_set', name: 'Mängd', unitId: units.a.id })).json();
    const withIntegration = (
      await coordinator.post(`/api/v1/assets/${asset.id}/integrations`, { toAssetId: other.id, description: 'Flöde' })
    ).json();
    const integrationId =
      withIntegration.integrations?.[0]?.id ??
      (await t.db.selectFrom('asset_integrations').select('id').where('from_asset_id', '=', asset.id).executeTakeFirstOrThrow()).id;
    const type = (
      await coordinator.post('/api/v1/information-types', { name: 'Oförändrad typ', recommended: { C: 1, I: 1, A: 1, T: 1 } })
    ).json();
    const draft = (await coordinator.post(`/api/v1/assets/${set.id}/classifications`)).json();
    await coordinator.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { privacy: 2 } }, notes: 'Anteckning' });
    await coordinator.post(`/api/v1/assets/${asset.id}/information-sets`, { informationSetId: set.id });
    const before = await countEvents(org.id);

    const saves: [string, Promise<{ statusCode: number; body: string }>][] = [];
    const same = (what: string, p: Promise<{ statusCode: number; body: string }>) => saves.push([what, p]);
    same(
      'asset',
      coordinator.patch(`/api/v1/assets/${asset.id}`, { name: 'Oförändrat', hosting: 'cloud', tags: ['a'], unitId: units.a.id }),
    );
    same('asset (empty)', coordinator.patch(`/api/v1/assets/${asset.id}`, {}));
    same('integration', coordinator.patch(`/api/v1/asset-integrations/${integrationId}`, { description: 'Flöde' }));
    same('link again', coordinator.post(`/api/v1/assets/${asset.id}/information-sets`, { informationSetId: set.id }));
    same('unit', admin.patch(`/api/v1/units/${units.a.id}`, { name: 'Förvaltning A', kind: 'administration' }));
    same(
      'user',
      admin.patch(`/api/v1/users/${users['auditor@a']!.id}`, {
        name: (await admin.get(`/api/v1/users/${users['auditor@a']!.id}`)).json().name,
        status: 'active',
      }),
    );
    same(
      'information type',
      coordinator.patch(`/api/v1/information-types/${type.id}`, { name: 'Oförändrad typ', recommended: { C: 1, I: 1, A: 1, T: 1 } }),
    );
    same(
      'classification draft',
      coordinator.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { privacy: 2 } }, notes: 'Anteckning' }),
    );
    same('organisation', admin.patch('/api/v1/organization', { name: (await admin.get('/api/v1/organization')).json().name }));
    for (const [what, p] of saves) {
      const res = await p;
      expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
    }
    expect(await countEvents(org.id)).toBe(before);

    // A real change still writes exactly one event.
    await coordinator.patch(`/api/v1/assets/${asset.id}`, { name: 'Ändrat' });
    expect(await countEvents(org.id)).toBe(before + 1);
  });
});

describe('an import', () => {
  it('writes one event per asset created or changed, and the summary, on an intact chain', async () => {
    const { users, org } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const first = await importRows(coordinator, [
      ['System', 'Kassasystem', 'Förvaltning A', 'SaaS', 'EXT-1'],
      ['System', 'Lönesystem', 'Förvaltning A', 'Molntjänst', 'EXT-2'],
      ['Informationsmängd', 'Löner', 'Förvaltning B', '', 'EXT-3'],
      // Quotes, a backslash and braces survive the batched insert (the chain below recomputes every hash).
      ['System', 'Kassa "ny" \\ {x}', 'Förvaltning B', '', 'EXT-5'],
    ]);
    const created = await events(coordinator, 'entityType=asset&action=import');
    expect(created.map((e) => e.entityLabel).sort()).toEqual(['Kassa "ny" \\ {x}', 'Kassasystem', 'Löner', 'Lönesystem']);
    const kassa = created.find((e) => e.entityLabel === 'Kassasystem')!;
    expect(kassa.display).toMatchObject({ action: 'Importerad', entityType: 'Tillgång' });
    expect(row(kassa, 'unitId')?.after).toBe('Förvaltning A');
    expect(row(kassa, 'hosting')?.after).toBe('Programvarutjänst (SaaS)');
    expect(row(kassa, 'externalId')?.after).toBe('EXT-1');
    const [summary] = await events(coordinator, `entityType=asset_import&entityId=${first}`);
    expect(summary!.display.changes.map((c) => [c.label, c.after])).toEqual([
      ['Nya tillgångar', '4'],
      ['Ändrade tillgångar', '0'],
      ['Kopplingar till informationsmängder', '0'],
    ]);

    // Re-import: one row changed, one the same, one new.
    await importRows(coordinator, [
      ['System', 'Kassasystem', 'Förvaltning A', 'Egen drift', 'EXT-1'],
      ['System', 'Lönesystem', 'Förvaltning A', 'Molntjänst', 'EXT-2'],
      ['System', 'Tidrapportering', 'Förvaltning B', '', 'EXT-4'],
    ]);
    const second = (await events(coordinator, 'entityType=asset&action=import')).slice(0, -4);
    expect(second.map((e) => e.entityLabel).sort()).toEqual(['Kassasystem', 'Tidrapportering']);
    const changed = second.find((e) => e.entityLabel === 'Kassasystem')!;
    expect(changed.display.changes).toEqual([
      { field: 'hosting', label: 'Drift', before: 'Programvarutjänst (SaaS)', after: 'Egen drift' },
    ]);
    expect(await verifyAuditChain(t.db, org.id)).toMatchObject({ ok: true });
  });
});
