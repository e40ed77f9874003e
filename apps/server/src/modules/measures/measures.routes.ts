import { idParams } from '@tillit/core';
import {
  addMeasureLinkBody,
  createMeasureBody,
  measureBoard,
  measureBoardQuery,
  measureDetailView,
  measureLinkParams,
  measureListQuery,
  measurePage,
  measureStatusBody,
  updateMeasureBody,
  verifyMeasureBody,
} from '@tillit/core/modules/measures/schemas';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'measures';

export const measureRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/measures', permission: 'measure.read', tag, summary: 'Åtgärder (öppna, försenade, ej verifierade; filter, sidor)',
    query: measureListQuery, response: measurePage,
    handler: ({ actor, query, services }) => services.measures.list(actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/measures', permission: 'measure.write', tag, summary: 'Skapa en åtgärd med kopplingar', status: 201,
    body: createMeasureBody, response: measureDetailView,
    handler: ({ actor, body, services }) => services.measures.create(actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/measures/board', permission: 'measure.read', tag, summary: 'Åtgärder grupperade per åtgärdsansvarig eller status',
    query: measureBoardQuery, response: measureBoard,
    handler: ({ actor, query, services }) => services.measures.board(actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/measures/:id', permission: 'measure.read', tag, summary: 'En åtgärd med kopplingar och verifieringar',
    params: idParams, response: measureDetailView,
    handler: ({ actor, params, services }) => services.measures.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/measures/:id', permission: 'measure.write', tag, summary: 'Ändra en åtgärd',
    params: idParams, body: updateMeasureBody, response: measureDetailView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.measures.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/measures/:id/status', permission: 'measure.write', tag, summary: 'Ändra en åtgärds status (avbruten kräver skäl)',
    params: idParams, body: measureStatusBody, response: measureDetailView,
    // Not versioned: the transition is checked on the locked row, so two status changes cannot both apply from the same state.
    handler: ({ actor, params, body, services }) => services.measures.setStatus(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/measures/:id/verifications', permission: 'measure.verify', tag, summary: 'Verifiera en genomförd åtgärds effekt (inte av åtgärdsansvarig)', status: 201,
    params: idParams, body: verifyMeasureBody, response: measureDetailView,
    handler: ({ actor, params, body, services }) => services.measures.verify(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/measures/:id/links', permission: 'measure.write', tag, summary: 'Koppla en åtgärd till det den svarar mot', status: 201,
    params: idParams, body: addMeasureLinkBody, response: measureDetailView,
    handler: ({ actor, params, body, services }) => services.measures.addLink(actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/measures/:id/links/:linkId', permission: 'measure.write', tag, summary: 'Ta bort en koppling',
    params: measureLinkParams, response: measureDetailView,
    handler: ({ actor, params, services }) => services.measures.removeLink(actor, params.id, params.linkId),
  }),
];
