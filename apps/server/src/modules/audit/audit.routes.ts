import { auditEventView, auditListQuery, auditVerifyQuery, auditVerifyResult, auditVocabularyView, pageOf } from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'audit';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/audit-events', permission: 'audit.read', tag, summary: 'Granskningsloggen, nyast först',
    query: auditListQuery, response: pageOf(auditEventView),
    // Display values in the language the reader asks for (the web sends its interface language).
    handler: ({ actor, query, services, req }) => services.audit.list(actor, query, req.headers['accept-language'] ? req.locale : actor.locale),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/audit-events/vocabulary', permission: 'audit.read', tag, summary: 'Granskningsloggens händelser och typer av uppgifter, på svenska och engelska',
    response: auditVocabularyView,
    handler: ({ actor, services }) => services.audit.vocabulary(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/audit-events/verify', permission: 'audit.read', tag, summary: 'Kontrollera att loggens hashkedja är obruten',
    query: auditVerifyQuery, response: auditVerifyResult,
    handler: ({ actor, query, services }) => services.audit.verify(actor, query),
  }),
];
