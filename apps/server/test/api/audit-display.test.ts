import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { klassaPresetModel } from '@tillit/core';
import { recordAudit } from '../../src/platform/audit/audit.js';
import { systemActor } from '../../src/platform/access.js';
import { auditVocabulary } from '../../src/platform/audit/vocabulary.js';
import { seedDemo } from '../../src/seed/demo.js';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { allEvents, CODE, countEvents as count, events, importRows, ISO_TIMESTAMP, row, UUID } from '../helpers/audit.js';

const t = useTestApp();
const countEvents = (organizationId: string) => count(t.db, organizationId);

describe('the audit vocabulary', () => {
  it('is served with both languages and offers every entity type and action the modules declare', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'information_owner' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.get('/api/v1/audit-events/vocabulary');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      entityTypes: { code: string; label: { sv: string; en: string } }[];
      actions: { code: string; label: { sv: string; en: string } }[];
    };
    const v = auditVocabulary();
    expect(body.entityTypes.map((e) => e.code).sort()).toEqual([...v.entityTypes.keys()].sort());
    expect(body.actions.map((e) => e.code).sort()).toEqual([...v.actions.keys()].sort());
    for (const e of [...body.entityTypes, ...body.actions]) {
      expect(e.label.sv, e.code).toMatch(/\S/);
      expect(e.label.en, e.code).toMatch(/\S/);
    }
    for (const code of [
      'asset',
      'asset_link',
      'asset_integration',
      'classification',
      'information_type',
      'asset_import',
      'session',
      'api_token',
    ]) {
      expect(body.entityTypes.map((e) => e.code)).toContain(code);
    }
    expect((await (await signIn(t.app, users.information_owner!.email)).get('/api/v1/audit-events/vocabulary')).statusCode).toBe(403);
  });

  it('refuses at run time an event whose code no module declares', async () => {
    const { org } = await seedOrg(t.db, []);
    const before = await countEvents(org.id);
    await expect(
      t.db.transaction().execute((trx) => recordAudit(trx, systemActor(org.id), { action: 'frobnicate' as never, entityType: 'unit' })),
    ).rejects.toThrow(/frobnicate.*not in the audit vocabulary/);
    await expect(
      t.db.transaction().execute((trx) => recordAudit(trx, systemActor(org.id), { action: 'create', entityType: 'widget' as never })),
    ).rejects.toThrow(/widget/);
    expect(await countEvents(org.id)).toBe(before);
  });
});

describe('events as a person reads them', () => {
  it('shows labels, names instead of ids, labels instead of codes, K/R/T/S profiles, state names and Stockholm dates', async () => {
    const { users, units } = await seedOrg(t.db, [
      { role: 'security_coordinator' },
      { role: 'information_owner', unit: 'a' },
      { role: 'admin' },
    ]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const admin = await signIn(t.app, users.admin!.email);
    const ownerId = users['information_owner@a']!.id;
    const ownerName = (await admin.get(`/api/v1/users/${ownerId}`)).json().name as string;

    const system = (
      await coordinator.post('/api/v1/assets', {
        kind: 'system',
        name: 'Journalsystem',
        unitId: units.a.id,
        systemOwnerId: ownerId,
        hosting: 'saas',
        thirdCountryTransfer: 'yes',
        tags: ['vård', 'kritisk'],
      })
    ).json();
    const set = (
      await coordinator.post('/api/v1/assets', {
        kind: 'information_set',
        name: 'Anteckningar',
        unitId: units.a.id,
        personalData: 'patient',
        informationOwnerId: ownerId,
      })
    ).json();
    expect((await coordinator.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: set.id })).statusCode).toBe(200);
    await coordinator.patch(`/api/v1/assets/${system.id}`, { unitId: units.b.id, lifecycle: 'phasing_out' });
    const type = (
      await coordinator.post('/api/v1/information-types', {
        name: 'Journaluppgifter',
        personalData: 'patient',
        recommended: { C: 3, I: 3, A: 2, T: 3 },
      })
    ).json();
    await coordinator.patch(`/api/v1/information-types/${type.id}`, { recommended: { C: 2, I: 3, A: 2, T: 3 } });
    const draft = (await coordinator.post(`/api/v1/assets/${set.id}/classifications`)).json();
    await coordinator.patch(`/api/v1/classifications/${draft.id}`, {
      answers: { C: { privacy: 3 } },
      justifications: { C: 'Journaluppgifter om patienter.' },
    });
    const closing = await admin.post(`/api/v1/units/${units.b.id}/close`);
    expect(closing.statusCode, closing.body).toBe(200);

    const [systemUpdate] = await events(coordinator, `entityType=asset&entityId=${system.id}&action=update`);
    expect(systemUpdate!.display).toMatchObject({ action: 'Ändrad', entityType: 'Tillgång' });
    expect(row(systemUpdate!, 'unitId')).toEqual({ field: 'unitId', label: 'Enhet', before: 'Förvaltning A', after: 'Förvaltning B' });
    expect(row(systemUpdate!, 'lifecycle')).toMatchObject({ label: 'Livscykel', after: 'Under avveckling' });

    const [systemCreate] = await events(coordinator, `entityType=asset&entityId=${system.id}&action=create`);
    expect(row(systemCreate!, 'systemOwnerId')).toMatchObject({ label: 'Systemägare', after: ownerName });
    expect(row(systemCreate!, 'thirdCountryTransfer')).toMatchObject({
      label: 'Överföring till tredjeland',
      after: 'Ja, uppgifter förs till land utanför EU/EES',
    });
    expect(row(systemCreate!, 'hosting')?.after).toBe('Programvarutjänst (SaaS)');
    expect(row(systemCreate!, 'kind')?.after).toBe('System');
    expect(row(systemCreate!, 'tags')?.after).toBe('vård, kritisk');

    const [link] = await events(coordinator, 'entityType=asset_link');
    expect(link!.display.entityType).toBe('Behandlad informationsmängd');
    expect(link!.display.changes.map((c) => [c.label, c.after])).toEqual([
      ['System eller process', 'Journalsystem'],
      ['Informationsmängd', 'Anteckningar'],
    ]);

    const [typeUpdate] = await events(coordinator, `entityType=information_type&entityId=${type.id}&action=update`);
    expect(row(typeUpdate!, 'recommended')).toEqual({
      field: 'recommended',
      label: 'Rekommenderad klassning',
      before: 'K3 R3 T2 S3',
      after: 'K2 R3 T2 S3',
    });
    const [typeUpdateEn] = await events(coordinator, `entityType=information_type&entityId=${type.id}&action=update`, 'en');
    expect(row(typeUpdateEn!, 'recommended')).toMatchObject({ label: 'Recommended classification', after: 'C2 I3 A2 T3' });
    expect(typeUpdateEn!.display).toMatchObject({ action: 'Changed', entityType: 'Information type' });

    // A classification's answers read per aspect and consequence category, with the level's name.
    const [save] = await events(coordinator, `entityType=classification&entityId=${draft.id}&action=update`);
    const answer = save!.display.changes.find((c) => c.field === 'answers.C.privacy')!;
    expect(answer.label).toMatch(/^Bedömning – Konfidentialitet: \S/);
    expect(answer).toMatchObject({ before: null, after: expect.stringMatching(/^3 – \S/) });
    expect(save!.display.changes.find((c) => c.field === 'justifications.C')).toMatchObject({
      label: 'Motivering – Konfidentialitet',
      after: 'Journaluppgifter om patienter.',
    });
    const [created] = await events(coordinator, `entityType=classification&entityId=${draft.id}&action=create`);
    expect(row(created!, 'assetId')?.after).toBe('Anteckningar');

    const [closed] = await events(coordinator, `entityType=unit&entityId=${units.b.id}&action=close`);
    const closedAt = closed!.changes!.closedAt!.after as string;
    const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(
      new Date(closedAt),
    );
    expect(row(closed!, 'closedAt')).toEqual({ field: 'closedAt', label: 'Stängd', before: null, after: stockholm });
    expect(closed!.display.action).toBe('Stängd');
  });

  it('names a deleted unit by what the log last called it', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const temp = (await coordinator.post('/api/v1/units', { parentId: units.a.id, name: 'Tillfällig enhet', kind: 'unit' })).json();
    const asset = (await coordinator.post('/api/v1/assets', { kind: 'system', name: 'Flyttat system', unitId: temp.id })).json();
    await coordinator.patch(`/api/v1/assets/${asset.id}`, { unitId: units.b.id });
    expect((await coordinator.del(`/api/v1/units/${temp.id}`)).statusCode).toBe(204);
    const [moved] = await events(coordinator, `entityType=asset&entityId=${asset.id}&action=update`);
    expect(row(moved!, 'unitId')).toMatchObject({ before: 'Tillfällig enhet', after: 'Förvaltning B' });
  });

  it(
    'shows no raw code, id or timestamp anywhere on the audit page of the demo organisation, in Swedish and English',
    { timeout: 180_000 },
    async () => {
      const { organizationId } = await seedDemo(t.db);
      const admin = await signIn(t.app, 'admin@exempel.se', demo.password);
      const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
      const units = (await admin.get('/api/v1/units')).json() as { id: string; parentId: string | null; name: string }[];
      const [unitA, unitB] = units.filter((u) => u.parentId);

      // Exercise what people do, so the log holds an event of every kind Tillit writes.
      const unit = (await admin.post('/api/v1/units', { parentId: unitA!.id, name: 'Ny enhet', kind: 'unit', description: 'Prov' })).json();
      await admin.patch(`/api/v1/units/${unit.id}`, { name: 'Omdöpt enhet', kind: 'operation' });
      await admin.post(`/api/v1/units/${unit.id}/move`, { parentId: unitB!.id });
      await admin.post(`/api/v1/units/${unit.id}/close`);
      await admin.post(`/api/v1/units/${unit.id}/reopen`);
      const invited = (
        await admin.post('/api/v1/users', { email: 'ny.person@exempel.se', name: 'Ny Person', role: 'auditor', unitId: unitA!.id })
      ).json();
      const granted = (await admin.post(`/api/v1/users/${invited.user.id}/roles`, { role: 'risk_owner', unitId: unitB!.id })).json();
      const grant = granted.roles.find((r: { role: string }) => r.role === 'risk_owner');
      await admin.del(`/api/v1/users/${invited.user.id}/roles/${grant.id}`);
      expect((await admin.post(`/api/v1/users/${invited.user.id}/reset-password`)).statusCode).toBe(200);
      await admin.patch(`/api/v1/users/${invited.user.id}`, { name: 'Ny Persson', status: 'disabled' });
      await admin.patch('/api/v1/organization', { name: 'Region Exempel (prov)' });
      const token = (await admin.post('/api/v1/api-tokens', { name: 'Integration', scope: 'read' })).json();
      await admin.del(`/api/v1/api-tokens/${token.token.id}`);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@exempel.se', password: 'fel-lösenord-här' },
      });

      const owner = (await admin.get('/api/v1/users?q=agare')).json().items[0];
      const a = (
        await coordinator.post('/api/v1/assets', {
          kind: 'system',
          name: 'Provsystem',
          unitId: unitA!.id,
          systemOwnerId: owner.id,
          hosting: 'cloud',
          thirdCountryTransfer: 'unknown',
          personalData: 'ordinary',
          tags: ['prov'],
        })
      ).json();
      const b = (await coordinator.post('/api/v1/assets', { kind: 'system', name: 'Annat system', unitId: unitA!.id })).json();
      const set = (
        await coordinator.post('/api/v1/assets', {
          kind: 'information_set',
          name: 'Provmängd',
          unitId: unitA!.id,
          personalData: 'sensitive',
        })
      ).json();
      await coordinator.patch(`/api/v1/assets/${a.id}`, { lifecycle: 'in_use', informationOwnerId: owner.id, thirdCountries: ['US'] });
      await coordinator.post(`/api/v1/assets/${a.id}/information-sets`, { informationSetId: set.id });
      await coordinator.del(`/api/v1/assets/${a.id}/information-sets/${set.id}`);
      const integration = (
        await coordinator.post(`/api/v1/assets/${a.id}/integrations`, { toAssetId: b.id, description: 'Remisser' })
      ).json();
      const integrationId =
        integration.integrations?.[0]?.id ??
        (await t.db.selectFrom('asset_integrations').select('id').where('from_asset_id', '=', a.id).executeTakeFirstOrThrow()).id;
      await coordinator.patch(`/api/v1/asset-integrations/${integrationId}`, { description: 'Remisser och svar' });
      await coordinator.del(`/api/v1/asset-integrations/${integrationId}`);
      const type = (
        await coordinator.post('/api/v1/information-types', { name: 'Provtyp', recommended: { C: 1, I: 2, A: 1, T: null } })
      ).json();
      await coordinator.patch(`/api/v1/information-types/${type.id}`, { name: 'Provtyp 2', personalData: 'ordinary' });
      await coordinator.del(`/api/v1/information-types/${type.id}`);
      const draft = (await coordinator.post(`/api/v1/assets/${set.id}/classifications`)).json();
      await coordinator.patch(`/api/v1/classifications/${draft.id}`, {
        answers: Object.fromEntries(
          (['C', 'I', 'A', 'T'] as const).map((a) => [
            a,
            Object.fromEntries(klassaPresetModel.categories.map((c, i) => [c.key, i === 0 ? 2 : i === 1 ? 3 : 'not_relevant'])),
          ]),
        ),
        justifications: { C: 'Känsliga uppgifter.', I: 'Fel uppgift ger fel beslut.', A: 'Verksamheten stannar.', T: 'Loggning krävs.' },
        raises: { A: { level: 3, reason: 'Många beroenden.' } },
        notes: 'Prov',
      });
      const submitted = await coordinator.post(`/api/v1/classifications/${draft.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      await coordinator.post(`/api/v1/classifications/${draft.id}/withdraw`);
      await coordinator.del(`/api/v1/classifications/${draft.id}`);
      await coordinator.del(`/api/v1/assets/${b.id}`);
      await importRows(coordinator, [['System', 'Importerat system', unitA!.name, 'SaaS', 'IMP-1']]);

      const vocabulary = auditVocabulary();
      const seen = new Set<string>();
      for (const locale of ['sv', 'en'] as const) {
        const all = await allEvents(admin, locale);
        // A submission's profile, recorded as Swedish text, reads in the reader's letters.
        const submit = all.find((e) => e.entityType === 'classification' && e.action === 'submit' && e.entityId === draft.id)!;
        expect(row(submit, 'profile')?.after).toMatch(locale === 'sv' ? /^K\d R\d T\d S\d$/ : /^C\d I\d A\d T\d$/);
        expect(row(submit, 'status')).toMatchObject({
          before: locale === 'sv' ? 'Utkast' : 'Draft',
          after: locale === 'sv' ? 'Inskickad' : 'Submitted',
        });
        expect(all.length).toBe(await countEvents(organizationId));
        for (const e of all) {
          seen.add(`${e.entityType}:${e.action}`);
          const texts = [
            e.display.action,
            e.display.entityType,
            e.actorName,
            e.entityLabel ?? '',
            ...e.display.changes.flatMap((c) => [c.label, c.before ?? '', c.after ?? '']),
          ];
          for (const text of texts) {
            const where = `${locale} ${e.entityType}/${e.action} #${e.id}: "${text}"`;
            expect(text, where).not.toMatch(UUID);
            expect(text, where).not.toMatch(CODE);
            expect(text, where).not.toMatch(ISO_TIMESTAMP);
          }
          expect(e.display.action, `${e.action}`).not.toBe(e.action);
          // Every recorded field has a label of its own (not the fallback for unknown fields).
          for (const c of e.display.changes) expect(c.label, `${e.entityType}.${c.field}`).not.toMatch(/^(Övrig uppgift|Other detail)$/);
          // A value shown exactly as stored is free text; anything else (a code, an id, a number of a kind) is resolved.
          for (const [field, raw] of Object.entries(e.changes ?? {})) {
            const kind = vocabulary.fields.get(e.entityType)?.get(field)?.kind ?? 'text';
            if (kind === 'text' || kind === 'number' || kind === 'profile' || kind === 'justifications') continue;
            // A calendar date reads the same in Swedish as stored (2027-01-31); timestamps are caught above.
            if (kind === 'date') continue;
            const shown = e.display.changes.filter((c) => c.field === field || c.field.startsWith(`${field}.`));
            for (const c of shown) {
              for (const [side, value] of [
                ['before', raw.before],
                ['after', raw.after],
              ] as const) {
                if (typeof value === 'string' && value !== '')
                  expect(c[side], `${locale} ${e.entityType}.${field} ${side}`).not.toBe(value);
              }
            }
          }
        }
      }
      for (const kind of [
        'unit:move',
        'unit:close',
        'unit:reopen',
        'user:invite',
        'role_assignment:grant',
        'role_assignment:revoke',
        'user:password_reset',
        'organization:update',
        'api_token:create',
        'api_token:revoke',
        'session:login_failed',
        'asset:create',
        'asset:update',
        'asset:delete',
        'asset:import',
        'asset_link:create',
        'asset_link:delete',
        'asset_integration:create',
        'asset_integration:update',
        'asset_integration:delete',
        'information_type:create',
        'information_type:update',
        'information_type:delete',
        'classification:create',
        'classification:update',
        'classification:submit',
        'classification:delete',
        'classification:approve',
        'asset_import:import',
      ]) {
        expect(seen, kind).toContain(kind);
      }

      // What the database holds: every code and every changed field is in the vocabulary.
      const v = auditVocabulary();
      const kinds = await t.db.selectFrom('audit_events').select(['action', 'entity_type']).distinct().execute();
      for (const k of kinds) {
        expect(v.actions.has(k.action), k.action).toBe(true);
        expect(v.entityTypes.has(k.entity_type), k.entity_type).toBe(true);
      }
      const fields = await sql<{
        entity_type: string;
        field: string;
      }>`select distinct entity_type, jsonb_object_keys(changes) as field from audit_events where changes is not null`.execute(t.db);
      for (const f of fields.rows) expect(v.fields.get(f.entity_type)?.has(f.field), `${f.entity_type}.${f.field}`).toBe(true);
    },
  );
});
