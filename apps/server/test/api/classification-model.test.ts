import { describe, expect, it } from 'vitest';
import { klassaPresetModel } from '@tillit/core';
import { makeClassification, makeInformationSet, makeSystem } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const DAY = 86_400_000;

describe('classification models, information types and coverage', () => {
  it('adapts the model as a new version without touching classifications made with the old one', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'system_steward', unit: 'a' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const steward = await signIn(t.app, users['system_steward@a']!.email);
    const v1 = (await coordinator.get('/api/v1/classification-model')).json();
    expect(v1).toMatchObject({ version: 1, isCurrent: true, definition: { key: klassaPresetModel.key } });

    const set = await t.db.transaction().execute((trx) => makeInformationSet(trx, units.a, { name: 'Gammal mängd' }));
    await t.db.transaction().execute((trx) =>
      makeClassification(trx, set, {
        answers: { C: { privacy: 4 }, I: { operations: 1 }, A: { operations: 1 }, T: { legal: 1 } },
        justifications: { C: 'x' },
      }),
    );

    // Four levels (0–3), no traceability, one fewer category.
    const definition = {
      ...klassaPresetModel,
      aspects: klassaPresetModel.aspects.map((a) => (a.key === 'T' ? { ...a, enabled: false } : a)),
      levels: klassaPresetModel.levels.slice(0, 4),
      categories: klassaPresetModel.categories.filter((c) => c.key !== 'society'),
      questions: klassaPresetModel.questions
        .filter((q) => q.category !== 'society')
        .map((q) => ({ ...q, examples: q.examples.slice(0, 4) })),
      // Without level 4 there is no säkerhetsskydd level: its floor goes too.
      minimumRules: klassaPresetModel.minimumRules.filter((r) => r.level <= 3),
      specialAnalysisFromLevel: null,
      reviewMonths: 24,
    };
    expect((await steward.post('/api/v1/classification-models', { definition })).statusCode).toBe(403);
    const gap = await coordinator.post('/api/v1/classification-models', {
      definition: { ...definition, levels: [definition.levels[0], definition.levels[2]] },
    });
    expect(gap.statusCode).toBe(400);
    const created = await coordinator.post('/api/v1/classification-models', { definition, note: 'Fyra nivåer' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 2, isCurrent: true });
    expect(
      (await coordinator.get('/api/v1/classification-models'))
        .json()
        .map((m: { version: number; usageCount: number }) => [m.version, m.usageCount]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);

    const old = (await steward.get(`/api/v1/assets/${set.id}/classifications`)).json()[0];
    expect(old).toMatchObject({ profileLabel: 'K4 R1 T1 S1' });
    const draft = (await steward.post(`/api/v1/assets/${set.id}/classifications`)).json();
    expect(draft.modelVersion).toBe(2);
    // The copy leaves out what the new model lacks: level 4 and the traceability aspect.
    expect(draft.answers).toEqual({ I: { operations: 1 }, A: { operations: 1 }, T: { legal: 1 } });
    expect(draft.profile.T).toBeNull();
    const four = await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { privacy: 4 } } });
    expect(four.json().error).toMatchObject({ code: 'level_out_of_range', details: { issues: [{ params: { max: 3 } }] } });
  });

  it('shares an information-type library as a file: preset, export, import into another region, all or nothing', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const preset = (await coordinator.post('/api/v1/information-types/preset')).json();
    expect(preset.created).toContain('patientjournal');
    expect((await coordinator.post('/api/v1/information-types/preset')).json()).toMatchObject({ created: [], updated: [] });
    const types = (await coordinator.get('/api/v1/information-types')).json();
    const journal = types.find((x: { key: string }) => x.key === 'patientjournal');
    expect(journal).toMatchObject({ name: 'Patientjournal', personalData: 'patient', recommended: { C: 3, I: 3, A: 3, T: 3 } });

    const set = (
      await coordinator.post('/api/v1/assets', {
        kind: 'information_set',
        name: 'Journal Akuten',
        unitId: units.a.id,
        personalData: 'patient',
        informationTypeId: journal.id,
      })
    ).json();
    const draft = (await coordinator.post(`/api/v1/assets/${set.id}/classifications`)).json();
    expect(draft.facts).toMatchObject({ informationTypeName: 'Patientjournal', typeRecommended: { C: 3 } });
    expect(draft.profile).toEqual({ C: 3, I: 3, A: 3, T: 3 });
    const deviating = (await coordinator.patch(`/api/v1/classifications/${draft.id}`, { answers: { A: { operations: 2 } } })).json();
    expect(deviating.issues.map((i: { code: string }) => i.code)).toContain('type_deviation_reason_required');
    expect((await coordinator.del(`/api/v1/information-types/${journal.id}`)).json().error.code).toBe('information_type_in_use');

    const file = await coordinator.get('/api/v1/information-types/export');
    expect(file.headers['content-disposition']).toContain('attachment');
    const library = file.json();
    expect(library).toMatchObject({ format: 'tillit.information-types', formatVersion: 1 });

    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const neighbour = await signIn(t.app, other.users.security_coordinator!.email);
    const broken = {
      ...library,
      types: [...library.types, { ...library.types[0], key: 'trasig', recommended: { C: 9, I: 1, A: 1, T: 1 } }],
    };
    const refused = await neighbour.post('/api/v1/information-types/import', broken);
    expect(refused.json().error).toMatchObject({
      code: 'level_out_of_range',
      details: { issues: [{ path: ['body', 'types', library.types.length, 'recommended', 'C'] }] },
    });
    expect((await neighbour.get('/api/v1/information-types')).json()).toEqual([]);
    expect((await neighbour.post('/api/v1/information-types/import?dryRun=true', library)).json().created).toHaveLength(
      library.types.length,
    );
    expect((await neighbour.get('/api/v1/information-types')).json()).toEqual([]);
    const imported = (await neighbour.post('/api/v1/information-types/import', library)).json();
    expect(imported.created).toHaveLength(library.types.length);
    const changed = { ...library, types: [{ ...library.types[0], name: 'Ändrad' }] };
    expect((await neighbour.post('/api/v1/information-types/import', changed)).json()).toMatchObject({
      created: [],
      updated: [library.types[0].key],
    });
    expect(
      (
        await neighbour.post('/api/v1/information-types', {
          name: 'Ändrad',
          key: library.types[0].key,
          recommended: { C: 1, I: 1, A: 1, T: 1 },
        })
      ).json().error.code,
    ).toBe('duplicate_information_type_key');
  });

  it('counts coverage per förvaltning and the KPIs', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const now = Date.now();
    await t.db.transaction().execute(async (trx) => {
      const valid = await makeSystem(trx, units.a);
      await makeClassification(trx, valid, { answers: { C: { privacy: 1 }, I: { privacy: 1 }, A: { privacy: 1 }, T: { privacy: 1 } } });
      const overdue = await makeSystem(trx, units.a);
      await makeClassification(trx, overdue, {
        answers: { C: { privacy: 1 } },
        approvedAt: new Date(now - 400 * DAY),
        reviewDueAt: new Date(now - 35 * DAY),
      });
      const soon = await makeSystem(trx, units.b);
      await makeClassification(trx, soon, {
        answers: { C: { privacy: 1 } },
        approvedAt: new Date(now - 350 * DAY),
        reviewDueAt: new Date(now + 10 * DAY),
      });
      await makeSystem(trx, units.b);
      await makeSystem(trx, units.b, { lifecycle: 'retired' });
      const drafted = await makeInformationSet(trx, units.b);
      await makeClassification(trx, drafted, { status: 'submitted' });
      await makeInformationSet(trx, units.root);
    });
    const coverage = (await coordinator.get('/api/v1/classification/coverage')).json();
    expect(coverage.total).toMatchObject({
      systemsInUse: 4,
      systemsValid: 2,
      systemsMissing: 1,
      setsTotal: 2,
      setsClassified: 0,
      awaitingApproval: 1,
      dueWithin30Days: 1,
      overdue: 1,
    });
    const byUnit = Object.fromEntries(coverage.rows.map((r: { unitId: string }) => [r.unitId, r]));
    expect(byUnit[units.a.id]).toMatchObject({ systemsInUse: 2, systemsValid: 1, overdue: 1 });
    expect(byUnit[units.b.id]).toMatchObject({
      systemsInUse: 2,
      systemsValid: 1,
      systemsMissing: 1,
      dueWithin30Days: 1,
      awaitingApproval: 1,
    });
    expect((await coordinator.get(`/api/v1/classification/coverage?unitId=${units.a.id}`)).json().total.systemsInUse).toBe(2);
    const kpis = (await coordinator.get('/api/v1/classification/kpis')).json();
    expect(kpis).toMatchObject({
      systemsInUse: 4,
      systemsWithValidClassification: 2,
      systemClassificationRate: 0.5,
      missing: 1,
      overdue: 1,
      dueWithin30Days: 1,
    });
    const overdueList = (await coordinator.get('/api/v1/assets?kind=system&reviewState=overdue')).json();
    expect(overdueList.total).toBe(1);
    expect(overdueList.items[0].classification.reviewState).toBe('overdue');
  });
});
