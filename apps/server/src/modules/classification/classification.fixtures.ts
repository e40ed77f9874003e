import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { klassaPresetModel, NOT_RELEVANT } from '@tillit/core';
import { makeClassification, makeInformationSet, type ClassificationOverrides } from '../../seed/factories-assets.js';
import * as modelsRepo from './models.repository.js';

/** Every consequence category of the aspect assessed: the given levels, the rest "ej relevant". */
const all = (levels: Record<string, number>) =>
  Object.fromEntries(klassaPresetModel.categories.map((c) => [c.key, levels[c.key] ?? NOT_RELEVANT]));

/** Answers and justifications for every aspect of the preset model: a version that can be submitted. */
const complete = {
  answers: { C: all({ privacy: 3, life_health: 2 }), I: all({ life_health: 3 }), A: all({ operations: 3 }), T: all({ legal: 2 }) },
  justifications: {
    C: 'Journaluppgifter om patienter.',
    I: 'Fel uppgift kan ge fel behandling.',
    A: 'Mottagningen stannar utan journalen.',
    T: 'Loggning krävs enligt lag.',
  },
} as unknown as Pick<ClassificationOverrides, 'answers' | 'justifications'>;

/** The acting user is the set's named information owner: the owner decides (fastställer) its classification. */
const infoSet = (w: FixtureWorld) =>
  w.tx((trx) =>
    makeInformationSet(trx, w.unit, { name: `Journal ${w.marker}`, personalData: 'patient', informationOwnerId: w.actor?.id ?? null }),
  );

/** A version of a fresh information set, prepared by another person than the actor (four eyes). */
async function version(w: FixtureWorld, status: NonNullable<ClassificationOverrides['status']>) {
  const author = await w.person();
  const asset = await infoSet(w);
  const v = await w.tx((trx) => makeClassification(trx, asset, { status, authorId: author.id, ...complete }));
  return { asset, version: v };
}

const onVersion = (status: NonNullable<ClassificationOverrides['status']>, audit: RouteFixture['audit'], body?: unknown): RouteFixture => ({
  scope: 'unit',
  build: async (w) => ({ params: { id: (await version(w, status)).version.id }, ...(body !== undefined ? { body } : {}) }),
  audit,
});

/** The organisation's model in force (every organisation has one from its creation). */
const currentModel = async (w: FixtureWorld) => (await modelsRepo.findCurrent(w.db, w.organizationId))!;

const organizationRead: RouteFixture = { scope: 'organization', build: async () => ({}), audit: [] };

export const classificationFixtures: RouteFixtures = {
  'GET /api/v1/classification-model': organizationRead,
  'GET /api/v1/classification-models': organizationRead,
  'GET /api/v1/classification-models/preset': organizationRead,
  'GET /api/v1/classification-models/:id': {
    scope: 'organization',
    build: async (w) => ({ params: { id: (await currentModel(w)).id } }),
    audit: [],
  },
  'POST /api/v1/classification-models': {
    // The model is the organisation's: it is changed on the root only.
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => {
      const model = await currentModel(w);
      // A real change (the same definition again is no new version): the review interval moves.
      const definition = { ...model.definition, reviewMonths: model.definition.reviewMonths === 36 ? 24 : 36 };
      return { body: { definition, note: `Ny version ${w.marker}` } };
    },
    audit: [{ action: 'create', entityType: 'classification_model' }],
  },
  'GET /api/v1/assets/:id/classifications': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await version(w, 'approved')).asset.id } }),
    audit: [],
  },
  'POST /api/v1/assets/:id/classifications': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await infoSet(w)).id } }),
    audit: [{ action: 'create', entityType: 'classification' }],
  },
  'GET /api/v1/classifications': { scope: 'unit', sibling: 'hidden', build: async (w) => (await version(w, 'draft'), {}), audit: [] },
  'GET /api/v1/classifications/compare': {
    // Names two versions: both must be readable to the user.
    scope: 'unit',
    sibling: 'deny',
    build: async (w) => {
      const { asset, version: a } = await version(w, 'approved');
      const b = await w.tx((trx) => makeClassification(trx, asset, { status: 'draft', ...complete }));
      return { query: { a: a.id, b: b.id } };
    },
    audit: [],
  },
  'GET /api/v1/classifications/:id': onVersion('draft', []),
  'PATCH /api/v1/classifications/:id': onVersion('draft', [{ action: 'update', entityType: 'classification' }], {
    answers: { A: { operations: 2 } },
  }),
  'DELETE /api/v1/classifications/:id': onVersion('draft', [{ action: 'delete', entityType: 'classification' }]),
  'POST /api/v1/classifications/:id/submit': onVersion('draft', [{ action: 'submit', entityType: 'classification' }]),
  'POST /api/v1/classifications/:id/withdraw': onVersion('submitted', [{ action: 'update', entityType: 'classification' }]),
  'POST /api/v1/classifications/:id/approve': onVersion('submitted', [{ action: 'approve', entityType: 'classification' }], {
    comment: 'Godkänd efter genomgång.',
  }),
  'POST /api/v1/classifications/:id/return': onVersion('submitted', [{ action: 'return', entityType: 'classification' }], {
    comment: 'Motivera tillgängligheten.',
  }),
  // The quality check is someone else's than the owner's: here the set's owner is another person.
  'POST /api/v1/classifications/:id/check': {
    scope: 'unit',
    build: async (w) => {
      const [author, owner] = [await w.person(), await w.person()];
      const asset = await w.tx((trx) =>
        makeInformationSet(trx, w.unit, { name: `Journal ${w.marker}`, personalData: 'patient', informationOwnerId: owner.id }),
      );
      const v = await w.tx((trx) => makeClassification(trx, asset, { status: 'submitted', authorId: author.id, ...complete }));
      return { params: { id: v.id }, body: { comment: 'Motiveringarna är tydliga.' } };
    },
    audit: [{ action: 'check', entityType: 'classification' }],
  },
  'PUT /api/v1/assets/:id/decision-delegate': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await infoSet(w)).id }, body: { delegateId: (await w.person()).id } }),
    audit: [{ action: 'update', entityType: 'decision_delegate' }],
  },
  // Figures per förvaltning: aggregates without the objects' names.
  'GET /api/v1/classification/coverage': { scope: 'organization', build: async (w) => (await version(w, 'approved'), {}), audit: [] },
  'GET /api/v1/classification/kpis': { scope: 'organization', build: async (w) => (await version(w, 'approved'), {}), audit: [] },
};
