import { describe, expect, it } from 'vitest';
import { klassaPresetModel, NOT_RELEVANT } from '@tillit/core';
import { makeClassification, makeInformationSet } from '../../src/seed/factories-assets.js';
import { upgradeShippedModels } from '../../src/db/migrations/20261205T0300_classification_method.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { insertVersion } from '../../src/modules/classification/models.repository.js';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();

/** Every consequence category of the aspect assessed: the given levels, the rest "ej relevant". */
const all = (levels: Record<string, number>) =>
  Object.fromEntries(klassaPresetModel.categories.map((c) => [c.key, levels[c.key] ?? NOT_RELEVANT]));
const answers = { C: all({ privacy: 2 }), I: all({ operations: 2 }), A: all({ operations: 1 }), T: all({ legal: 2 }) };
const justifications = { C: 'Skäl.', I: 'Skäl.', A: 'Skäl.', T: 'Skäl.' };
const putDelegate = (c: Client, assetId: string, delegateId: string | null) =>
  c.request({ method: 'PUT', url: `/api/v1/assets/${assetId}/decision-delegate`, payload: { delegateId } });

async function setup() {
  const seeded = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'system_steward', unit: 'a' },
    { role: 'information_owner', unit: 'a' },
  ]);
  return {
    ...seeded,
    coordinator: await signIn(t.app, seeded.users.security_coordinator!.email),
    steward: await signIn(t.app, seeded.users['system_steward@a']!.email),
    owner: await signIn(t.app, seeded.users['information_owner@a']!.email),
  };
}

describe('who decides a classification', () => {
  it('lists an asset without a named owner and refuses to approve it', async () => {
    const { units, steward, owner, coordinator } = await setup();
    const set = (await steward.post('/api/v1/assets', { kind: 'information_set', name: 'Ägarlös', unitId: units.a.id })).json();
    const v = (await steward.post(`/api/v1/assets/${set.id}/classifications`)).json();
    await steward.patch(`/api/v1/classifications/${v.id}`, { answers, justifications });
    expect((await steward.post(`/api/v1/classifications/${v.id}/submit`)).statusCode).toBe(200);
    expect((await coordinator.get('/api/v1/classifications?ownerMissing=true')).json().items.map((i: { id: string }) => i.id)).toEqual([
      v.id,
    ]);
    const refused = await owner.post(`/api/v1/classifications/${v.id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'information_owner_missing', message: expect.stringMatching(/informationsägare/) });
    expect((await owner.get(`/api/v1/classifications/${v.id}`)).json()).toMatchObject({ canDecide: false, decisionBlock: 'no_owner' });
  });

  it('bars the owner who prepared the version alone, and lets her recorded delegate decide', async () => {
    const { units, steward, owner, users } = await setup();
    const set = (
      await owner.post('/api/v1/assets', { kind: 'information_set', name: 'Egen', unitId: units.a.id, informationOwnerId: owner.userId })
    ).json();
    const v = (await owner.post(`/api/v1/assets/${set.id}/classifications`)).json();
    await owner.patch(`/api/v1/classifications/${v.id}`, { answers, justifications });
    await owner.post(`/api/v1/classifications/${v.id}/submit`);
    const alone = await owner.post(`/api/v1/classifications/${v.id}/approve`, {});
    expect(alone.statusCode).toBe(403);
    expect(alone.json().error).toMatchObject({ code: 'four_eyes_required', details: { reason: 'prepared_alone' } });

    // Only the owner records a delegate; the delegate needs the deciding permission on the unit.
    const second = await seedOrg(t.db, [{ role: 'information_owner' }]);
    expect((await putDelegate(steward, set.id, users['system_steward@a']!.id)).statusCode).toBe(403);
    expect((await putDelegate(owner, set.id, second.users.information_owner!.id)).json().error).toMatchObject({
      code: 'unknown_user',
      details: { field: 'delegateId' },
    });
    const coordinatorId = users.security_coordinator!.id;
    const named = await putDelegate(owner, set.id, coordinatorId);
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().delegate).toMatchObject({ id: coordinatorId });
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    expect(
      (await coordinator.get('/api/v1/classifications?awaitingMyDecision=true')).json().items.map((i: { id: string }) => i.id),
    ).toEqual([v.id]);
    const decided = await coordinator.post(`/api/v1/classifications/${v.id}/approve`, {});
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ decidedBy: { id: coordinatorId }, decisionDelegate: { id: coordinatorId } });
    // A new owner decides for herself: the delegate her predecessor recorded goes, audited.
    const moved = await owner.patch(`/api/v1/assets/${set.id}`, { informationOwnerId: users['system_steward@a']!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(
      (await t.db.selectFrom('assets').select('decision_delegate_id').where('id', '=', set.id).executeTakeFirstOrThrow())
        .decision_delegate_id,
    ).toBeNull();
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', set.id)
      .where('entity_type', '=', 'decision_delegate')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'update', entity_type: 'decision_delegate' },
      { action: 'update', entity_type: 'decision_delegate' },
    ]);
  });
});

describe('level 4 and the facts of an information set', () => {
  it('reaches 4 only through säkerhetsskydd, and gives each fact its floor with paragraphs', async () => {
    const { units, steward } = await setup();
    const mk = async (name: string, facts: object) => {
      const set = (await steward.post('/api/v1/assets', { kind: 'information_set', name, unitId: units.a.id, ...facts })).json();
      return (await steward.post(`/api/v1/assets/${set.id}/classifications`)).json();
    };
    const ordinary = await mk('Vanlig', {});
    const four = await steward.patch(`/api/v1/classifications/${ordinary.id}`, { answers: { A: { life_health: 4 } } });
    expect(four.statusCode).toBe(400);
    expect(four.json().error.code).toBe('level_requires_security_protection');

    const secret = await mk('Skyddsklassat', { securityProtection: true });
    expect(secret.derivation.aspects.C).toMatchObject({
      final: 4,
      specialAnalysis: true,
      minimumReasons: [
        {
          ruleId: 'security_protection_confidentiality',
          references: [{ law: 'Säkerhetsskyddslagen', number: '2018:585', chapter: '2', section: '1' }],
        },
      ],
    });
    expect((await steward.patch(`/api/v1/classifications/${secret.id}`, { answers: { A: { life_health: 4 } } })).statusCode).toBe(200);

    const protectedIds = await mk('Skyddade', { protectedIdentity: true, personalData: 'ordinary' });
    expect(protectedIds.facts).toMatchObject({ protectedIdentity: true, personalData: 'ordinary' });
    expect(protectedIds.derivation.aspects.C.minimumReasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'personal_data_confidentiality',
      'protected_identity_confidentiality',
    ]);
    const crimes = await mk('Brott', { criminalOffenceData: true, secrecyChapter: 35 });
    expect(crimes.derivation.aspects.C.minimumReasons.map((r: { ruleId: string; references: { article?: string }[] }) => r.ruleId)).toEqual(
      ['secrecy_confidentiality', 'criminal_offence_data_confidentiality'],
    );
    const abroad = await mk('Utland', { personalData: 'ordinary', thirdCountryTransfer: 'yes', thirdCountries: ['USA'] });
    expect(abroad.derivation.aspects.C).toMatchObject({ minimum: 1 });
    expect(
      (await steward.post('/api/v1/assets', { kind: 'information_set', name: 'Fel', unitId: units.a.id, secrecyChapter: 99 })).json().error
        .details.issues[0].path,
    ).toEqual(['body', 'secrecyChapter']);
  });

  it('lists versions decided at 4 before it was reserved for review, without rewriting them', async () => {
    const { units, coordinator, org } = await setup();
    // An approved version at 4 on an ordinary set, as the earlier rules allowed (written directly).
    const unit = { id: units.a.id, organization_id: org.id };
    const set = await t.db.transaction().execute((trx) => makeInformationSet(trx, unit, { name: 'Gammal fyra' }));
    const v = await t.db
      .transaction()
      .execute((trx) => makeClassification(trx, set, { status: 'approved', answers: { A: { life_health: 4 } } }));
    const before = await t.db.selectFrom('classification_versions').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
    const listed = (await coordinator.get('/api/v1/classifications?levelReview=true')).json();
    expect(listed.items.map((i: { id: string; profile: { A: number } }) => [i.id, i.profile.A])).toEqual([[v.id, 4]]);
    const after = await t.db.selectFrom('classification_versions').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});

describe('migration 20261205T0300', () => {
  it('gives an organisation on the untouched shipped model the new one as its next version, and leaves adapted models and classifications alone', async () => {
    const untouched = await seedOrg(t.db, [{ role: 'admin' }]);
    const adapted = await seedOrg(t.db, [{ role: 'admin' }]);
    await t.db.transaction().execute((trx) => insertVersion(trx, adapted.org.id, { ...klassaPresetModel, reviewMonths: 24 }, 'Egen', null));
    await t.db.transaction().execute((trx) => upgradeShippedModels(trx));
    const versions = async (orgId: string) =>
      (
        await t.db
          .selectFrom('classification_models')
          .select(['version', 'is_current'])
          .where('organization_id', '=', orgId)
          .orderBy('version')
          .execute()
      ).map((m) => [m.version, m.is_current]);
    expect(await versions(untouched.org.id)).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await versions(adapted.org.id)).toEqual([
      [1, false],
      [2, true],
    ]);
    const current = await t.db
      .selectFrom('classification_models')
      .select('definition')
      .where('organization_id', '=', adapted.org.id)
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    expect((current.definition as { reviewMonths: number }).reviewMonths).toBe(24);
    expect((await verifyAuditChain(t.db, untouched.org.id)).ok).toBe(true);
  });
});
