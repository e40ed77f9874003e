import { describe, expect, it } from 'vitest';
import { klassaPresetModel } from '@tillit/core';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function setup() {
  const { units, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'system_steward', unit: 'a' }]);
  return {
    units,
    coordinator: await signIn(t.app, users.security_coordinator!.email),
    steward: await signIn(t.app, users['system_steward@a']!.email),
  };
}

const osl26 = { law: 'Offentlighets- och sekretesslagen', number: '2009:400', chapter: '26', section: '1' };

describe('the model editor: references and rules on the facts of a set', () => {
  it('saves edited references and a rule on named OSL chapters as a new version that new classifications use', async () => {
    const { units, coordinator, steward } = await setup();
    const v1 = (await coordinator.get('/api/v1/classification-model')).json();
    const i = klassaPresetModel.minimumRules.findIndex((r) => r.id === 'secrecy_confidentiality');
    const rules = v1.definition.minimumRules.map((r: { id: string; references: object[] }, j: number) =>
      j === i
        ? {
            ...r,
            references: [...r.references, { law: 'Offentlighets- och sekretesslagen', number: '2009:400', chapter: '21', section: '1' }],
          }
        : r,
    );
    const social = {
      id: 'social_services',
      when: { secrecyChapters: [26] },
      aspect: 'C',
      level: 3,
      reason: { sv: 'Organisationens policy, grundad i lagen: socialtjänstens uppgifter är sekretesskyddade.' },
      references: [osl26],
    };
    const created = await coordinator.post('/api/v1/classification-models', {
      definition: { ...v1.definition, minimumRules: [...rules, social] },
      note: 'Socialtjänst',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 2, isCurrent: true });
    expect(created.json().definition.minimumRules[i].references.at(-1)).toMatchObject({ chapter: '21' });

    const draftFor = async (name: string, secrecyChapter: number) => {
      const set = (await steward.post('/api/v1/assets', { kind: 'information_set', name, unitId: units.a.id, secrecyChapter })).json();
      return (await steward.post(`/api/v1/assets/${set.id}/classifications`)).json();
    };
    const socialSet = await draftFor('Utredningar', 26);
    expect(socialSet.modelVersion).toBe(2);
    expect(socialSet.derivation.aspects.C).toMatchObject({ minimum: 3 });
    expect(socialSet.derivation.aspects.C.minimumReasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'secrecy_confidentiality',
      'social_services',
    ]);
    expect(socialSet.derivation.aspects.C.minimumReasons[1].references).toEqual([osl26]);
    const staff = await draftFor('Personalakter', 39);
    expect(staff.derivation.aspects.C.minimumReasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['secrecy_confidentiality']);
  });

  it('refuses a reference without a law, a chapter out of range and a rule without a condition, naming the field, and saves nothing', async () => {
    const { coordinator } = await setup();
    const v1 = (await coordinator.get('/api/v1/classification-model')).json();
    const n = v1.definition.minimumRules.length;
    const post = (rule: object) =>
      coordinator.post('/api/v1/classification-models', {
        definition: {
          ...v1.definition,
          minimumRules: [
            ...v1.definition.minimumRules,
            { id: 'ny', aspect: 'C', level: 2, reason: { sv: 'Policy.' }, references: [], when: { protectedIdentity: true }, ...rule },
          ],
        },
      });
    const cases: [object, (string | number)[]][] = [
      [{ references: [{ law: ' ', chapter: '25' }] }, ['minimumRules', n, 'references', 0, 'law']],
      [{ when: { secrecyChapters: [51] } }, ['minimumRules', n, 'when', 'secrecyChapters', 0]],
      [{ when: { secrecyChapters: [] } }, ['minimumRules', n, 'when', 'secrecyChapters']],
      [{ when: {} }, ['minimumRules', n, 'when']],
      [{ references: [{ law: 'Patientdatalagen', section: 'x'.repeat(21) }] }, ['minimumRules', n, 'references', 0, 'section']],
    ];
    for (const [rule, path] of cases) {
      const r = await post(rule);
      expect(r.statusCode, JSON.stringify(rule)).toBe(400);
      const issues = r.json().error.details.issues as { path: (string | number)[] }[];
      expect(
        issues.map((x) => x.path.slice(2)),
        JSON.stringify(rule),
      ).toContainEqual(path);
      expect(r.json().error.message).toEqual(expect.any(String));
    }
    expect((await coordinator.get('/api/v1/classification-models')).json()).toHaveLength(1);
  });
});
