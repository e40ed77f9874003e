import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();

/** A steward and two information owners on unit A; the coordinator on the root. */
async function setup() {
  const seeded = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'system_steward', unit: 'a' },
    { role: 'information_owner', unit: 'a' },
    { role: 'information_owner', unit: 'a', email: `owner2-${Math.random().toString(36).slice(2)}@test.example` },
  ]);
  const second = Object.keys(seeded.users).find((k) => k.startsWith('owner2-'))!;
  return {
    ...seeded,
    coordinator: await signIn(t.app, seeded.users.security_coordinator!.email),
    steward: await signIn(t.app, seeded.users['system_steward@a']!.email),
    owner: await signIn(t.app, seeded.users['information_owner@a']!.email),
    owner2: await signIn(t.app, seeded.users[second]!.email),
  };
}

/** Every consequence category of the aspect assessed: the given levels, the rest "ej relevant". */
const all = (levels: Record<string, number>) =>
  Object.fromEntries(
    ['life_health', 'privacy', 'operations', 'economy', 'trust', 'legal', 'society'].map((k) => [k, levels[k] ?? 'not_relevant']),
  );

const complete = {
  answers: { C: all({ privacy: 3, life_health: 2 }), I: all({ life_health: 3 }), A: all({ operations: 3 }), T: all({ legal: 2 }) },
  justifications: {
    C: 'Journaluppgifter om patienter.',
    I: 'Fel uppgift kan ge fel behandling.',
    A: 'Mottagningen stannar utan journalen.',
    T: 'Loggning krävs enligt lag.',
  },
};

/** A patient-data set whose named information owner is `ownerId`, and a first draft of its classification. */
async function classifySet(client: Client, unitId: string, name = 'Journalanteckningar', extra: object = {}) {
  const set = (await client.post('/api/v1/assets', { kind: 'information_set', name, unitId, personalData: 'patient', ...extra })).json();
  const draft = (await client.post(`/api/v1/assets/${set.id}/classifications`)).json();
  return { set, draft };
}

describe('guided classification and its workflow', () => {
  it('proposes the profile live, requires every category and justifications, and lets the named owner decide (four eyes)', async () => {
    const { units, steward, owner, owner2, coordinator } = await setup();
    const { set, draft } = await classifySet(steward, units.a.id, 'Journalanteckningar', { informationOwnerId: owner.userId });
    expect(draft).toMatchObject({
      status: 'draft',
      versionNo: 1,
      modelVersion: 1,
      canEdit: true,
      canDecide: false,
      informationOwner: { id: owner.userId },
    });
    // Patient data alone already lifts K and S to 3 (legal floors, with their reasons and paragraphs).
    expect(draft.profile).toMatchObject({ C: 3, T: 3 });
    expect(draft.derivation.aspects.C.minimumReasons[0]).toMatchObject({
      ruleId: 'patient_data_confidentiality',
      references: [
        { law: 'Offentlighets- och sekretesslagen', chapter: '25', section: '1' },
        { law: 'Patientdatalagen', chapter: '4', section: '1–2' },
      ],
    });

    // One question answered per aspect is not a classification: every category is assessed first.
    const one = await steward.patch(`/api/v1/classifications/${draft.id}`, {
      answers: { C: { privacy: 3 }, I: { life_health: 3 }, A: { operations: 3 }, T: { legal: 2 } },
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().issues.filter((i: { code: string }) => i.code === 'category_unassessed')).toHaveLength(24);
    const refused = await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toContainEqual({ path: ['answers', 'C', 'economy'], code: 'category_unassessed' });

    const partial = await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: complete.answers });
    expect(partial.json().profileLabel).toBe('K3 R3 T3 S3');
    const incomplete = await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('classification_incomplete');
    expect(incomplete.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual([
      'justifications.C',
      'justifications.I',
      'justifications.A',
      'justifications.T',
    ]);

    await steward.patch(`/api/v1/classifications/${draft.id}`, { justifications: complete.justifications });
    const submitted = await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: { id: steward.userId } });
    expect((await steward.get(`/api/v1/assets/${set.id}`)).json().classification).toMatchObject({
      workStatus: 'submitted',
      reviewState: 'missing',
    });

    // The steward may not decide; neither the coordinator nor another owner: they do not own the asset.
    expect((await steward.post(`/api/v1/classifications/${draft.id}/approve`, {})).statusCode).toBe(403);
    const byCoordinator = await coordinator.post(`/api/v1/classifications/${draft.id}/approve`, {});
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().error.code).toBe('not_information_owner');
    expect((await owner2.post(`/api/v1/classifications/${draft.id}/approve`, {})).json().error.code).toBe('not_information_owner');
    expect((await coordinator.get(`/api/v1/classifications/${draft.id}`)).json()).toMatchObject({
      canDecide: false,
      decisionBlock: 'not_owner',
      canCheck: true,
    });

    // The coordinator quality-checks (granskad) with a comment; the owner may not check her own decision.
    const checked = await coordinator.post(`/api/v1/classifications/${draft.id}/check`, { comment: 'Motiveringarna håller.' });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      status: 'submitted',
      checkedBy: { id: coordinator.userId },
      checkComment: 'Motiveringarna håller.',
    });
    expect((await owner.post(`/api/v1/classifications/${draft.id}/check`, {})).json().error.code).toBe('check_by_owner');

    // A joint workshop: the owner's own edits do not bar her when the steward prepared the version.
    await steward.post(`/api/v1/classifications/${draft.id}/withdraw`);
    await owner.patch(`/api/v1/classifications/${draft.id}`, { justifications: { C: 'Patientuppgifter omfattas av sekretess.' } });
    await owner.post(`/api/v1/classifications/${draft.id}/submit`);
    expect((await owner.get('/api/v1/classifications?awaitingMyDecision=true')).json().items.map((i: { id: string }) => i.id)).toEqual([
      draft.id,
    ]);
    expect((await owner2.get('/api/v1/classifications?awaitingMyDecision=true')).json().total).toBe(0);
    expect((await coordinator.get('/api/v1/classifications?awaitingMyDecision=true')).json().total).toBe(0);

    const approved = await owner.post(`/api/v1/classifications/${draft.id}/approve`, { comment: 'Rimlig bedömning.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      reviewState: 'valid',
      decidedBy: { id: owner.userId },
      profile: { C: 3, I: 3, A: 3, T: 3 },
    });
    const due = new Date(approved.json().reviewDueAt).getTime() - Date.now();
    expect(Math.round(due / 86_400_000)).toBeGreaterThanOrEqual(364);
    const asset = (await steward.get(`/api/v1/assets/${set.id}`)).json();
    expect(asset).toMatchObject({
      levels: { C: 3, I: 3, A: 3, T: 3 },
      classification: { reviewState: 'valid', workStatus: null, currentVersionId: draft.id },
    });

    const events = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', draft.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'submit',
      'check',
      'update',
      'update',
      'submit',
      'approve',
    ]);
  });

  it('returns with a comment, and a re-classification starts from the approved version and can be compared', async () => {
    const { units, steward, owner } = await setup();
    const { set, draft } = await classifySet(steward, units.a.id, 'Provsvar', { informationOwnerId: owner.userId });
    await steward.patch(`/api/v1/classifications/${draft.id}`, complete);
    await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    const noComment = await owner.post(`/api/v1/classifications/${draft.id}/return`, {});
    expect(noComment.statusCode).toBe(400);
    const returned = await owner.post(`/api/v1/classifications/${draft.id}/return`, { comment: 'Tillgängligheten verkar för hög.' });
    expect(returned.json()).toMatchObject({ status: 'returned', decisionComment: 'Tillgängligheten verkar för hög.', canEdit: true });
    await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { A: all({ operations: 2 }) } });
    await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    // Never later than the model's review period: 2099 is refused, naming the field.
    const tooLate = await owner.post(`/api/v1/classifications/${draft.id}/approve`, { reviewDueAt: '2099-01-31' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.details.issues).toEqual([expect.objectContaining({ path: ['body', 'reviewDueAt'], code: 'too_big' })]);
    const earlier = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    expect((await owner.post(`/api/v1/classifications/${draft.id}/approve`, { reviewDueAt: earlier })).json()).toMatchObject({
      status: 'approved',
      profile: { A: 2 },
      reviewDueAt: `${earlier}T00:00:00.000Z`,
    });

    const second = await steward.post(`/api/v1/assets/${set.id}/classifications`);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      versionNo: 2,
      status: 'draft',
      answers: { A: all({ operations: 2 }) },
      justifications: complete.justifications,
    });
    expect((await steward.post(`/api/v1/assets/${set.id}/classifications`)).json().error.code).toBe('classification_open_exists');
    await steward.patch(`/api/v1/classifications/${second.json().id}`, { answers: { A: all({ operations: 3 }) } });
    await steward.post(`/api/v1/classifications/${second.json().id}/submit`);
    await owner.post(`/api/v1/classifications/${second.json().id}/approve`, {});
    const versions = (await steward.get(`/api/v1/assets/${set.id}/classifications`)).json();
    expect(versions.map((v: { versionNo: number; superseded: boolean }) => [v.versionNo, v.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    const cmp = (await steward.get(`/api/v1/classifications/compare?a=${draft.id}&b=${second.json().id}`)).json();
    expect(cmp.differences).toEqual(
      expect.arrayContaining([
        { path: 'profile.A', a: 2, b: 3 },
        { path: 'answers.A.operations', a: 2, b: 3 },
      ]),
    );
    expect((await steward.get(`/api/v1/classifications/${draft.id}`)).json()).toMatchObject({ superseded: true, canEdit: false });
    expect((await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { A: { operations: 0 } } })).json().error.code).toBe(
      'classification_not_editable',
    );
  });

  it('refuses levels outside the model and raises below the derived level, naming the field', async () => {
    const { units, steward } = await setup();
    const { draft } = await classifySet(steward, units.a.id, 'Ordinationer');
    const out = await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { privacy: 7 } } });
    expect(out.statusCode).toBe(400);
    expect(out.json().error).toMatchObject({
      code: 'level_out_of_range',
      details: { issues: [{ path: ['answers', 'C', 'privacy'], params: { max: 4 } }] },
    });
    const unknownCategory = await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { weather: 1 } } });
    expect(unknownCategory.json().error.details.issues[0]).toMatchObject({ code: 'unknown_category' });
    const lower = await steward.patch(`/api/v1/classifications/${draft.id}`, { raises: { C: { level: 1, reason: 'Vill sänka' } } });
    expect(lower.json().error).toMatchObject({
      code: 'level_below_derived',
      details: { issues: [{ path: ['raises', 'C', 'level'], params: { derived: 3 } }] },
    });
    const tooBig = await steward.patch(`/api/v1/classifications/${draft.id}`, { answers: { C: { privacy: 12 } } });
    expect(tooBig.statusCode).toBe(400);
    expect((await steward.get(`/api/v1/classifications/${draft.id}`)).json().answers).toEqual({});
  });

  it('lets a system inherit the maximum of its sets, raise with a reason, and recompute when a set changes', async () => {
    const { units, steward, owner } = await setup();
    const system = (
      await steward.post('/api/v1/assets', { kind: 'system', name: 'Vårdsystemet', unitId: units.a.id, informationOwnerId: owner.userId })
    ).json();
    const approveSet = async (name: string, answers: object, personalData = 'none') => {
      const set = (
        await steward.post('/api/v1/assets', {
          kind: 'information_set',
          name,
          unitId: units.a.id,
          personalData,
          informationOwnerId: owner.userId,
        })
      ).json();
      const v = (await steward.post(`/api/v1/assets/${set.id}/classifications`)).json();
      await steward.patch(`/api/v1/classifications/${v.id}`, { answers, justifications: complete.justifications });
      expect((await steward.post(`/api/v1/classifications/${v.id}/submit`)).statusCode).toBe(200);
      expect((await owner.post(`/api/v1/classifications/${v.id}/approve`, {})).statusCode).toBe(200);
      return set;
    };
    const journal = await approveSet(
      'Journal',
      { C: all({ privacy: 3 }), I: all({ life_health: 3 }), A: all({ operations: 2 }), T: all({ legal: 3 }) },
      'patient',
    );
    const schedule = await approveSet('Schema', {
      C: all({ privacy: 1 }),
      I: all({ operations: 1 }),
      A: all({ operations: 3 }),
      T: all({ legal: 1 }),
    });
    await steward.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: journal.id });
    const linked = (await steward.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: schedule.id })).json();
    expect(linked.levels).toEqual({ C: 3, I: 3, A: 3, T: 3 });
    expect(linked.levelSources.A).toMatchObject({ derived: 3, approved: null, fromSets: [{ id: schedule.id, level: 3 }] });

    const v = (await steward.post(`/api/v1/assets/${system.id}/classifications`)).json();
    expect(v.inherited.levels).toEqual({ C: 3, I: 3, A: 3, T: 3 });
    expect(v.derivation.aspects.C.sources).toEqual(['inherited']);
    // Level 4 is for säkerhetsskydd only: a raise to it for ordinary information is refused.
    const four = await steward.patch(`/api/v1/classifications/${v.id}`, {
      raises: { A: { level: 4, reason: 'Hela regionens vård samlad i ett system.' } },
    });
    expect(four.statusCode).toBe(400);
    expect(four.json().error).toMatchObject({
      code: 'level_requires_security_protection',
      details: { issues: [{ path: ['raises', 'A', 'level'] }] },
    });
    // The system's own assessment, every category, at or below what it inherits; the sets decide.
    await steward.patch(`/api/v1/classifications/${v.id}`, {
      answers: { C: all({ privacy: 2 }), I: all({ operations: 2 }), A: all({ operations: 2 }), T: all({ legal: 1 }) },
      justifications: complete.justifications,
    });
    const submitted = (await steward.post(`/api/v1/classifications/${v.id}/submit`)).json();
    expect(submitted.profile).toEqual({ C: 3, I: 3, A: 3, T: 3 });
    expect(submitted.specialAnalysis).toBe(false);
    await owner.post(`/api/v1/classifications/${v.id}/approve`, {});
    let detail = (await steward.get(`/api/v1/assets/${system.id}`)).json();
    expect(detail).toMatchObject({ levels: { A: 3 }, approvedLevels: { A: 3 }, specialAnalysis: false });

    // The schedule is retired: the system no longer inherits from it, its own approved levels stay.
    await steward.patch(`/api/v1/assets/${schedule.id}`, { lifecycle: 'retired' });
    detail = (await steward.get(`/api/v1/assets/${system.id}`)).json();
    expect(detail.derivedLevels).toEqual({ C: 3, I: 3, A: 2, T: 3 });
    expect(detail.levels.A).toBe(3);
    // A fact the schedule's approved classification rests on changed: it is to be reviewed, and says why.
    const retired = (await steward.get(`/api/v1/assets/${schedule.id}`)).json();
    expect(retired.classification.reviewReasons).toEqual([{ reason: 'lifecycle', at: expect.any(String) }]);
    // A new integration prompts the steward of the classified system to consider a raise.
    const other = (await steward.post('/api/v1/assets', { kind: 'system', name: 'Labbsystemet', unitId: units.a.id })).json();
    await steward.post(`/api/v1/assets/${system.id}/integrations`, { toAssetId: other.id });
    expect(
      (await steward.get(`/api/v1/assets/${system.id}`)).json().classification.reviewReasons.map((r: { reason: string }) => r.reason),
    ).toEqual(['integration']);
    // A new approval answers the reasons.
    const again = (await steward.post(`/api/v1/assets/${system.id}/classifications`)).json();
    await steward.post(`/api/v1/classifications/${again.id}/submit`);
    expect((await owner.post(`/api/v1/classifications/${again.id}/approve`, {})).statusCode).toBe(200);
    expect((await steward.get(`/api/v1/assets/${system.id}`)).json().classification.reviewReasons).toEqual([]);
  });

  it('keeps other organisations out of classifications', async () => {
    const { units, steward } = await setup();
    const { draft } = await classifySet(steward, units.a.id, 'Hemligt', { informationOwnerId: steward.userId });
    await steward.patch(`/api/v1/classifications/${draft.id}`, complete);
    await steward.post(`/api/v1/classifications/${draft.id}/submit`);
    const other = await seedOrg(t.db, [{ role: 'information_owner' }]);
    const outsider = await signIn(t.app, other.users.information_owner!.email);
    expect((await outsider.get(`/api/v1/classifications/${draft.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/classifications/${draft.id}/approve`, {})).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/classifications?status=submitted')).json().total).toBe(0);
    expect((await outsider.get('/api/v1/classification/kpis')).json()).toMatchObject({ awaitingApproval: 0, setsTotal: 0 });
  });
});
