import { describe, expect, it } from 'vitest';
import { baseCatalogue, type RequirementCatalogueFile } from '@tillit/core';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { linkSets, makeClassification, makeInformationSet, makeSystem } from '../../src/seed/factories-assets.js';

const t = useTestApp();

const complete = {
  answers: { C: { privacy: 3, life_health: 2 }, I: { life_health: 3 }, A: { operations: 3 }, T: { legal: 2 } },
  justifications: { C: 'Journaluppgifter.', I: 'Fel uppgift ger fel vård.', A: 'Mottagningen stannar.', T: 'Loggning krävs.' },
} as unknown as Parameters<typeof makeClassification>[2];

async function setup() {
  const seeded = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'system_steward', unit: 'a' },
    { role: 'system_steward', unit: 'b' },
    { role: 'auditor' },
  ]);
  const { set, system } = await t.db.transaction().execute(async (trx) => {
    const set = await makeInformationSet(trx, seeded.units.a, { name: 'Journalanteckningar', personalData: 'patient' });
    await makeClassification(trx, set, { status: 'approved', ...complete });
    const system = await makeSystem(trx, seeded.units.a, { name: 'Journalsystemet', essentialService: 'yes' });
    await linkSets(trx, system, [set.id], { recompute: true });
    return { set, system };
  });
  return {
    ...seeded,
    set,
    system,
    coordinator: await signIn(t.app, seeded.users.security_coordinator!.email),
    steward: await signIn(t.app, seeded.users['system_steward@a']!.email),
    otherSteward: await signIn(t.app, seeded.users['system_steward@b']!.email),
    auditor: await signIn(t.app, seeded.users.auditor!.email),
  };
}

type Req = {
  id: string;
  key: string;
  rowVersion: number;
  status: string | null;
  change: string | null;
  previous: { status: string | null; how: string | null } | null;
  how: string | null;
  coveredBy: { assetId: string; status: string | null }[];
  measures: { id: string }[];
  evidence: { id: string; kind: string }[];
};
const requirementsOf = (plan: { themes: { requirements: Req[] }[] }) => plan.themes.flatMap((th) => th.requirements);

describe('action plans', () => {
  it('generates plans from the approved profile and law triggers, grouped by theme, recording the catalogue version', async () => {
    const { steward, otherSteward, set, system } = await setup();
    const gen = await steward.post('/api/v1/action-plans/generate', {});
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json()).toMatchObject({ created: 2, refreshed: 0, unchanged: 0 });
    // Nothing changed: generating again writes nothing.
    expect((await steward.post('/api/v1/action-plans/generate', {})).json()).toMatchObject({ created: 0, refreshed: 0, unchanged: 2 });

    const plan = (await steward.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    expect(plan).toMatchObject({
      assetId: set.id,
      current: true,
      levels: { C: 3, I: 3, A: 3, T: 3 },
      catalogueLabel: `${baseCatalogue.name.sv} ${baseCatalogue.version}`,
    });
    expect(plan.triggers.map((x: { code: string }) => x.code)).toEqual([
      'personal_data',
      'sensitive_personal_data',
      'patient_data',
      'secrecy',
    ]);
    const keys = requirementsOf(plan).map((r) => r.key);
    expect(keys).toContain('TB-LOG-02'); // patient data
    expect(keys).not.toContain('TB-DSK-02'); // no third-country transfer
    expect(keys).not.toContain('TB-KON-02'); // the set is not needed for an essential service
    expect(plan.themes.map((th: { theme: string }) => th.theme)).toEqual(
      baseCatalogue.themes.map((th) => th.code).filter((c) => plan.themes.some((p: { theme: string }) => p.theme === c)),
    );

    // The system inherits the set's levels and patient-data triggers, and is needed for an essential service.
    const sysPlan = (await steward.get(`/api/v1/assets/${system.id}/action-plan`)).json();
    expect(requirementsOf(sysPlan).map((r) => r.key)).toContain('TB-KON-02');
    expect(sysPlan.triggers.map((x: { code: string }) => x.code)).toContain('nis_service');

    // Another unit's steward sees neither.
    expect((await otherSteward.get(`/api/v1/action-plans/${plan.id}`)).statusCode).toBe(403);
    expect((await otherSteward.get('/api/v1/action-plans')).json()).toEqual([]);
  });

  it('self-assessment: reasons for not applicable, no event for an unchanged save, 412 on a stale version, coverage by the sets, progress', async () => {
    const { steward, auditor, coordinator, set, system } = await setup();
    await steward.post('/api/v1/action-plans/generate', {});
    const plan = (await steward.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    const [first, second, third] = requirementsOf(plan);

    const noReason = await steward.patch(`/api/v1/plan-requirements/${first!.id}`, { status: 'not_applicable' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'not_applicable_reason_required', details: { field: 'naReason' } });
    expect(noReason.json().error.message).toMatch(/Skäl/);

    const met = await steward.patch(`/api/v1/plan-requirements/${first!.id}`, {
      status: 'met',
      how: 'Behörigheter beslutas av chef i e-tjänst.',
    });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toMatchObject({ status: 'met', assessedBy: { id: steward.userId } });
    const events = async () => (await t.db.selectFrom('audit_events').select('id').where('entity_id', '=', first!.id).execute()).length;
    expect(await events()).toBe(1);
    await steward.patch(`/api/v1/plan-requirements/${first!.id}`, { status: 'met', how: 'Behörigheter beslutas av chef i e-tjänst.' });
    expect(await events()).toBe(1);
    const stale = await steward.request({
      method: 'PATCH',
      url: `/api/v1/plan-requirements/${first!.id}`,
      payload: { status: 'not_met' },
      headers: { 'if-match': `"${first!.rowVersion}"` },
    });
    expect(stale.statusCode).toBe(412);

    await steward.patch(`/api/v1/plan-requirements/${second!.id}`, { status: 'not_met' });
    await steward.patch(`/api/v1/plan-requirements/${third!.id}`, { status: 'not_applicable', naReason: 'Ingen extern åtkomst.' });
    // The auditor reads but may not assess.
    expect((await auditor.patch(`/api/v1/plan-requirements/${first!.id}`, { status: 'not_met' })).statusCode).toBe(403);

    const after = (await steward.get(`/api/v1/action-plans/${plan.id}`)).json();
    const total = requirementsOf(after).length;
    expect(after.progress).toMatchObject({ total, met: 1, notMet: 1, notApplicable: 1, metShare: Math.round(100 / (total - 1)) });

    // The system's plan shows what the set's plan already covers.
    const sysPlan = (await steward.get(`/api/v1/assets/${system.id}/action-plan`)).json();
    const covered = requirementsOf(sysPlan).find((r) => r.key === first!.key)!;
    expect(covered.coveredBy).toEqual([{ assetId: set.id, assetName: 'Journalanteckningar', status: 'met' }]);

    const overview = (await coordinator.get('/api/v1/action-plans/overview')).json();
    expect(overview.plans).toBe(2);
    expect(overview.mostUnmet[0]).toMatchObject({ key: second!.key, notMet: 1 });
    expect(overview.units).toEqual([expect.objectContaining({ unitName: 'Förvaltning A', plans: 2 })]);
  });

  it('evidence: links and checked files kept in PostgreSQL; measures for gaps through the measures service', async () => {
    const { steward, set, users } = await setup();
    await steward.post('/api/v1/action-plans/generate', { assetIds: [set.id] });
    const plan = (await steward.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    const req = requirementsOf(plan)[0]!;

    const link = await steward.post(`/api/v1/plan-requirements/${req.id}/evidence/link`, { title: 'Rutin', url: 'javascript:alert(1)' });
    expect(link.statusCode).toBe(400);
    expect(
      (await steward.post(`/api/v1/plan-requirements/${req.id}/evidence/link`, { title: 'Rutin', url: 'https://intra.example/rutin' }))
        .statusCode,
    ).toBe(201);
    const upload = (fileName: string, payload: Buffer) =>
      steward.request({
        method: 'POST',
        url: `/api/v1/plan-requirements/${req.id}/evidence/file?fileName=${encodeURIComponent(fileName)}`,
        payload,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const fake = await upload('rapport.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'evidence_type_not_allowed', details: { field: 'fileName' } });
    const ok = await upload('granskning.pdf', Buffer.from('%PDF-1.7\n%test\n'));
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json().evidence.find((e: { kind: string }) => e.kind === 'file');
    expect(file).toMatchObject({ fileName: 'granskning.pdf', mediaType: 'application/pdf', sizeBytes: 15 });
    const down = await steward.get(`/api/v1/plan-evidence/${file.id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.toString()).toBe('%PDF-1.7\n%test\n');

    const owner = users['system_steward@a']!.id;
    const bad = await steward.post(`/api/v1/plan-requirements/${req.id}/measures`, {
      title: 'Inför kontroll',
      ownerId: owner,
      startDate: '2027-05-01',
      dueDate: '2027-03-31',
      priority: 'high',
    });
    expect(bad.statusCode).toBe(400);
    expect(await t.db.selectFrom('measures').select('id').execute()).toHaveLength(0);
    const made = await steward.post(`/api/v1/plan-requirements/${req.id}/measures`, {
      title: 'Inför kontroll',
      ownerId: owner,
      dueDate: '2027-03-31',
      priority: 'high',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().measures).toEqual([expect.objectContaining({ title: 'Inför kontroll', status: 'planned', dueDate: '2027-03-31' })]);
    const link2 = await t.db.selectFrom('measure_links').selectAll().executeTakeFirstOrThrow();
    expect(link2).toMatchObject({ link_type: 'plan_requirement', target_id: req.id, context_id: plan.id });
  });

  it('a level-4 aspect generates no requirements from it and asks for a security-protection analysis', async () => {
    const { steward, units } = await setup();
    const secret = await t.db.transaction().execute(async (trx) => {
      const s = await makeInformationSet(trx, units.a, { name: 'Skyddsklassade uppgifter' });
      await makeClassification(trx, s, {
        status: 'approved',
        answers: { C: { privacy: 4 }, I: { life_health: 1 }, A: { operations: 1 }, T: { legal: 1 } },
        justifications: complete!.justifications,
      } as Parameters<typeof makeClassification>[2]);
      return s;
    });
    await steward.post('/api/v1/action-plans/generate', { assetIds: [secret.id] });
    const plan = (await steward.get(`/api/v1/assets/${secret.id}/action-plan`)).json();
    expect(plan.levels.C).toBe(4);
    expect(plan.securityAnalysisAspects).toEqual(['C']);
    // TB-ATK-03 needs K3 or R3: K4 does not produce it, R1 does not either.
    expect(requirementsOf(plan).map((r) => r.key)).not.toContain('TB-ATK-03');
  });

  it('a new catalogue version: preview, one migration, answers carried for unchanged, old answer shown for changed, old plan readable', async () => {
    const { steward, coordinator, set } = await setup();
    await steward.post('/api/v1/action-plans/generate', {});
    const plan = (await steward.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    const reqs = requirementsOf(plan);
    const keep = reqs.find((r) => r.key === 'TB-ATK-01')!;
    const change = reqs.find((r) => r.key === 'TB-LOG-01')!;
    await steward.patch(`/api/v1/plan-requirements/${keep.id}`, { status: 'met', how: 'Chef beslutar.' });
    await steward.patch(`/api/v1/plan-requirements/${change.id}`, { status: 'partly_met', how: 'Loggar finns.' });
    await steward.post(`/api/v1/plan-requirements/${keep.id}/evidence/link`, { title: 'Rutin', url: 'https://intra.example/rutin' });

    const next: RequirementCatalogueFile = structuredClone(baseCatalogue);
    next.version = '2027.1';
    const log = next.requirements.find((r) => r.id === 'TB-LOG-01')!;
    log.statement = { sv: `${log.statement.sv} Loggarna granskas varje månad.`, en: log.statement.en };
    next.requirements = next.requirements.filter((r) => r.id !== 'TB-INC-01');
    next.publishedAt = '2027-01-15';
    const imported = await coordinator.request({ method: 'POST', url: '/api/v1/requirement-catalogues/import', payload: next });
    expect(imported.statusCode, imported.body).toBe(201);

    expect((await steward.get('/api/v1/action-plans/migration')).statusCode).toBe(403); // organisation-wide: the top unit's
    const preview = (await coordinator.get('/api/v1/action-plans/migration')).json();
    expect(preview).toMatchObject({ plans: 2, changed: 2, removed: 2, toVersion: { label: `${baseCatalogue.name.sv} 2027.1` } });
    expect(preview.requirements).toEqual(
      expect.arrayContaining([{ key: 'TB-LOG-01', title: expect.any(String), change: 'changed', plans: 2 }]),
    );
    expect((await steward.get(`/api/v1/action-plans/${plan.id}`)).json().outdated).toEqual({ catalogue: true, profile: false });

    const moved = await coordinator.post('/api/v1/action-plans/migration');
    expect(moved.json()).toMatchObject({ refreshed: 2, created: 0 });
    const now = (await steward.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    expect(now.id).not.toBe(plan.id);
    expect(now.previousPlanId).toBe(plan.id);
    const carried = requirementsOf(now).find((r) => r.key === 'TB-ATK-01')!;
    expect(carried).toMatchObject({ change: 'unchanged', status: 'met', how: 'Chef beslutar.' });
    expect(carried.evidence).toHaveLength(1);
    const changed = requirementsOf(now).find((r) => r.key === 'TB-LOG-01')!;
    expect(changed).toMatchObject({ change: 'changed', status: null, previous: { status: 'partly_met', how: 'Loggar finns.' } });
    expect(now.removed).toEqual([expect.objectContaining({ key: 'TB-INC-01' })]);
    expect(now.history).toHaveLength(2);

    const old = (await steward.get(`/api/v1/action-plans/${plan.id}`)).json();
    expect(old).toMatchObject({ current: false, catalogueLabel: `${baseCatalogue.name.sv} ${baseCatalogue.version}` });
    const locked = await steward.patch(`/api/v1/plan-requirements/${keep.id}`, { status: 'not_met' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('plan_superseded');
  });
});
