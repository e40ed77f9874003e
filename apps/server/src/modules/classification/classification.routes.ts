import { z } from 'zod';
import {
  approveClassificationBody,
  classificationComparison,
  classificationKpis,
  classificationListItem,
  classificationListQuery,
  classificationModelDefinition,
  classificationModelSummary,
  classificationModelView,
  classificationPage,
  classificationVersionView,
  compareQuery,
  coverageQuery,
  coverageView,
  createModelVersionBody,
  idParams,
  returnClassificationBody,
  reviewClassificationBody,
  decisionDelegateBody,
  decisionDelegateView,
  saveClassificationBody,
} from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'classification';

export const classificationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/classification-model', permission: 'classification.read', tag, summary: 'Organisationens gällande klassningsmodell',
    response: classificationModelView,
    handler: ({ actor, services }) => services.classificationModels.current(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classification-models', permission: 'classification.read', tag, summary: 'Alla versioner av klassningsmodellen',
    response: z.array(classificationModelSummary),
    handler: ({ actor, services }) => services.classificationModels.list(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classification-models/preset', permission: 'classification.read', tag, summary: 'Den medföljande (KLASSA-kompatibla) modellen',
    response: classificationModelDefinition,
    handler: async ({ actor, services }) => services.classificationModels.preset(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classification-models/:id', permission: 'classification.read', tag, summary: 'En version av klassningsmodellen',
    params: idParams, response: classificationModelView,
    handler: ({ actor, params, services }) => services.classificationModels.get(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classification-models', permission: 'classification_model.manage', tag, summary: 'Spara en ny version av klassningsmodellen', status: 201,
    body: createModelVersionBody, response: classificationModelView,
    // 201 with the new version; 200 with the current one when the definition is unchanged (nothing saved).
    handler: async ({ actor, body, services, reply }) => {
      const { model, created } = await services.classificationModels.createVersion(actor, body);
      if (!created) reply.code(200);
      return model;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/assets/:id/classifications', permission: 'classification.read', tag, summary: 'En tillgångs klassningsversioner',
    params: idParams, response: z.array(classificationListItem),
    handler: ({ actor, params, services }) => services.classification.listForAsset(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/assets/:id/classifications', permission: 'classification.write', tag, summary: 'Påbörja en ny klassningsversion', status: 201,
    params: idParams, response: classificationVersionView,
    handler: ({ actor, params, services }) => services.classification.start(actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classifications', permission: 'classification.read', tag, summary: 'Klassningsversioner (arbetslista)',
    query: classificationListQuery, response: classificationPage,
    handler: ({ actor, query, services }) => services.classification.list(actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classifications/compare', permission: 'classification.read', tag, summary: 'Jämför två versioner',
    query: compareQuery, response: classificationComparison,
    handler: ({ actor, query, services }) => services.classification.compare(actor, query.a, query.b),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classifications/:id', permission: 'classification.read', tag, summary: 'En klassningsversion',
    params: idParams, response: classificationVersionView,
    handler: ({ actor, params, services }) => services.classification.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/classifications/:id', permission: 'classification.write', tag, summary: 'Spara svar, motiveringar och höjningar',
    params: idParams, body: saveClassificationBody, response: classificationVersionView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.classification.save(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/classifications/:id', permission: 'classification.write', tag, summary: 'Ta bort ett utkast',
    params: idParams,
    handler: ({ actor, params, services }) => services.classification.discard(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classifications/:id/submit', permission: 'classification.write', tag, summary: 'Skicka in för godkännande',
    params: idParams, response: classificationVersionView,
    handler: ({ actor, params, services }) => services.classification.submit(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classifications/:id/withdraw', permission: 'classification.write', tag, summary: 'Ta tillbaka en inskickad version',
    params: idParams, response: classificationVersionView,
    handler: ({ actor, params, services }) => services.classification.withdraw(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classifications/:id/approve', permission: 'classification.approve', tag, summary: 'Fastställ (informationsägaren, fyra ögon)',
    params: idParams, body: approveClassificationBody, response: classificationVersionView,
    handler: ({ actor, params, body, services }) => services.classification.approve(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classifications/:id/return', permission: 'classification.approve', tag, summary: 'Skicka tillbaka med kommentar',
    params: idParams, body: returnClassificationBody, response: classificationVersionView,
    handler: ({ actor, params, body, services }) => services.classification.returnVersion(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/classifications/:id/check', permission: 'classification.approve', tag, summary: 'Granska (samordnarens kvalitetskontroll, inget beslut)',
    params: idParams, body: reviewClassificationBody, response: classificationVersionView,
    handler: ({ actor, params, body, services }) => services.classification.check(actor, params.id, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/assets/:id/decision-delegate', permission: 'classification.approve', tag, summary: 'Informationsägarens ombud för beslut om klassning',
    params: idParams, body: decisionDelegateBody, response: decisionDelegateView,
    handler: ({ actor, params, body, services }) => services.classification.setDecisionDelegate(actor, params.id, body.delegateId ?? null),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classification/coverage', permission: 'classification.read', tag, summary: 'Täckning per förvaltning',
    query: coverageQuery, response: coverageView,
    handler: ({ actor, query, services }) => services.coverage.coverage(actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/classification/kpis', permission: 'classification.read', tag, summary: 'Nyckeltal för klassning',
    response: classificationKpis,
    handler: ({ actor, services }) => services.coverage.kpis(actor),
  }),
];
