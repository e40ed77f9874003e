import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { systemActor } from '../../platform/access.js';
import { makeClassification, makeInformationSet } from '../../seed/factories-assets.js';
import { classifiedProfiles } from '../classification/classification.service.js';
import { generatePlansIn } from './action-plans.service.js';
import * as repo from './action-plans.repository.js';
import { createProcurementService } from './procurement.service.js';

const complete = {
  answers: { C: { privacy: 3, life_health: 2 }, I: { life_health: 3 }, A: { operations: 3 }, T: { legal: 2 } },
  justifications: { C: 'Journaluppgifter.', I: 'Fel uppgift ger fel vård.', A: 'Mottagningen stannar.', T: 'Loggning krävs.' },
} as unknown as Parameters<typeof makeClassification>[2];

/** A classified information set in `w.unit` (patient data), without a plan. */
const classifiedSet = (w: FixtureWorld) =>
  w.tx(async (trx) => {
    const set = await makeInformationSet(trx, w.unit, { name: `Journal ${w.marker}`, personalData: 'patient' });
    await makeClassification(trx, set, { status: 'approved', ...complete });
    return set;
  });

/** A classified set with its generated plan; returns the plan and its first requirement. */
async function planned(w: FixtureWorld) {
  const set = await classifiedSet(w);
  return w.tx(async (trx) => {
    await generatePlansIn(trx, systemActor(w.organizationId), await classifiedProfiles(trx, w.organizationId, [set.id]));
    const plan = (await repo.currentPlanOfAsset(trx, w.organizationId, set.id))!;
    const [first] = await repo.requirementsOf(trx, [plan.id]);
    return { set, plan, requirement: first! };
  });
}

async function evidence(w: FixtureWorld, kind: 'link' | 'file') {
  const { requirement } = await planned(w);
  const id = await w.tx((trx) =>
    repo.insertEvidence(
      trx,
      kind === 'link'
        ? {
            organization_id: w.organizationId,
            plan_requirement_id: requirement.id,
            kind,
            title: 'Rutin',
            url: 'https://intra.example/rutin',
            created_by: null,
          }
        : {
            organization_id: w.organizationId,
            plan_requirement_id: requirement.id,
            kind,
            title: 'Rapport',
            file_name: 'rapport.txt',
            media_type: 'text/plain; charset=utf-8',
            size_bytes: 5,
            content: Buffer.from('hello'),
            created_by: null,
          },
    ),
  );
  return id;
}

/** A procurement for a planned system in `w.unit` (K2 R2 T2 S2, personal data), optionally awarded. */
async function procurement(w: FixtureWorld, awarded = false) {
  const service = createProcurementService(w.db);
  const actor = systemActor(w.organizationId);
  const p = await service.create(actor, {
    name: `Upphandling ${w.marker}`,
    referenceNumber: 'RS 2026-1',
    procurementDate: '2026-11-01',
    unitId: w.unit.id,
    levels: { C: 2, I: 2, A: 2, T: 2 },
    triggers: ['personal_data'],
  });
  if (awarded)
    await service.award(actor, p.id, { supplier: 'Leverantör AB', awardedOn: '2026-12-01', goLiveOn: '2027-02-01', recheckMonths: 12 });
  return { id: p.id, requirementId: p.requirements[0]!.id };
}

const read = (build: RouteFixture['build']): RouteFixture => ({ scope: 'unit', build, audit: [] });
const organizationRead: RouteFixture = { scope: 'organization', build: async (w) => (await planned(w), {}), audit: [], sibling: 'allow' };

export const actionPlanFixtures: RouteFixtures = {
  'GET /api/v1/action-plans': { scope: 'unit', sibling: 'hidden', build: async (w) => (await planned(w), {}), audit: [] },
  'POST /api/v1/action-plans/generate': {
    scope: 'unit',
    build: async (w) => ({ body: { assetIds: [(await classifiedSet(w)).id] } }),
    audit: [{ action: 'generate', entityType: 'action_plan' }],
  },
  // Organisation-wide: on the top unit only.
  'GET /api/v1/action-plans/migration': {
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => (await classifiedSet(w), {}),
    audit: [],
  },
  'POST /api/v1/action-plans/migration': {
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => (await classifiedSet(w), {}),
    audit: (answer) =>
      Array.from(
        { length: ((answer as { created: number; refreshed: number }).created ?? 0) + ((answer as { refreshed: number }).refreshed ?? 0) },
        (_, i) => ({ action: i < (answer as { created: number }).created ? 'generate' : 'regenerate', entityType: 'action_plan' }),
      ),
  },
  'GET /api/v1/action-plans/overview': organizationRead,
  'GET /api/v1/assets/:id/action-plan': read(async (w) => ({ params: { id: (await planned(w)).set.id } })),
  'GET /api/v1/action-plans/:id': read(async (w) => ({ params: { id: (await planned(w)).plan.id } })),
  'GET /api/v1/plan-requirements/:id': read(async (w) => ({ params: { id: (await planned(w)).requirement.id } })),
  'PATCH /api/v1/plan-requirements/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await planned(w)).requirement.id }, body: { status: 'partly_met', how: `Rutin ${w.marker}` } }),
    audit: [{ action: 'assess', entityType: 'plan_requirement' }],
  },
  'POST /api/v1/plan-requirements/:id/evidence/link': {
    scope: 'unit',
    build: async (w) => ({
      params: { id: (await planned(w)).requirement.id },
      body: { title: 'Rutin', url: 'https://intra.example/rutin' },
    }),
    audit: [{ action: 'create', entityType: 'plan_evidence' }],
  },
  'POST /api/v1/plan-requirements/:id/evidence/file': {
    scope: 'unit',
    build: async (w) => ({
      params: { id: (await planned(w)).requirement.id },
      query: { fileName: 'rutin.txt' },
      raw: { payload: Buffer.from('Rutin för behörigheter\n'), contentType: 'application/octet-stream' },
    }),
    audit: [{ action: 'create', entityType: 'plan_evidence' }],
  },
  'GET /api/v1/plan-evidence/:id/file': read(async (w) => ({ params: { id: await evidence(w, 'file') } })),
  'DELETE /api/v1/plan-evidence/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: await evidence(w, 'link') } }),
    audit: [{ action: 'delete', entityType: 'plan_evidence' }],
  },
  'POST /api/v1/plan-requirements/:id/measures': {
    scope: 'unit',
    build: async (w) => {
      const { requirement } = await planned(w);
      const owner = await w.person();
      return {
        params: { id: requirement.id },
        body: { title: `Åtgärd ${w.marker}`, ownerId: owner.id, dueDate: '2027-03-31', priority: 'high' },
      };
    },
    audit: [{ action: 'create', entityType: 'measure' }],
  },
  'GET /api/v1/procurements': { scope: 'unit', sibling: 'hidden', build: async (w) => (await procurement(w), {}), audit: [] },
  'POST /api/v1/procurements': {
    scope: 'unit',
    build: async (w) => ({
      body: {
        name: `Nytt system ${w.marker}`,
        procurementDate: '2026-11-01',
        unitId: w.unit.id,
        levels: { C: 2, I: 2, A: 2, T: 1 },
        triggers: ['personal_data'],
      },
    }),
    audit: [{ action: 'create', entityType: 'procurement' }],
  },
  'GET /api/v1/procurements/:id': read(async (w) => ({ params: { id: (await procurement(w)).id } })),
  'PATCH /api/v1/procurements/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await procurement(w)).id }, body: { supplier: `Leverantör ${w.marker}` } }),
    audit: [{ action: 'update', entityType: 'procurement' }],
  },
  'POST /api/v1/procurements/:id/award': {
    scope: 'unit',
    build: async (w) => ({
      params: { id: (await procurement(w)).id },
      body: { supplier: 'Leverantör AB', awardedOn: '2026-12-01', recheckMonths: 12 },
    }),
    audit: [{ action: 'award', entityType: 'procurement' }],
  },
  'POST /api/v1/procurements/:id/checks': {
    scope: 'unit',
    build: async (w) => {
      const p = await procurement(w, true);
      return {
        params: { id: p.id },
        body: { kind: 'go_live', checkedOn: '2027-02-01', results: [{ requirementId: p.requirementId, result: 'met' }] },
      };
    },
    audit: [{ action: 'create', entityType: 'contract_check' }],
  },
  'GET /api/v1/procurements/:id/requirements.docx': read(async (w) => ({ params: { id: (await procurement(w)).id } })),
  'GET /api/v1/procurements/:id/requirements.xlsx': read(async (w) => ({ params: { id: (await procurement(w)).id } })),
};
