import {
  auditEventView,
  auditListQuery,
  auditReceipt,
  auditVerifyBody,
  auditVerifyResult,
  auditVocabularyView,
  pageOf,
} from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'audit';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit-events',
    permission: 'audit.read',
    tag,
    summary: 'Granskningsloggen, nyast först',
    query: auditListQuery,
    response: pageOf(auditEventView),
    // Display values in the language the reader asks for (the web sends its interface language).
    handler: ({ actor, query, services, req }) =>
      services.audit.list(actor, query, req.headers['accept-language'] ? req.locale : actor.locale),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit-events/vocabulary',
    permission: 'audit.read',
    tag,
    summary: 'Granskningsloggens händelser och typer av uppgifter, på svenska och engelska',
    response: auditVocabularyView,
    handler: ({ actor, services }) => services.audit.vocabulary(actor),
  }),
  // A POST: it records a checkpoint, and it is rate-limited (a full walk reads every event).
  defineRoute({
    method: 'POST',
    url: '/api/v1/audit-events/verify',
    permission: 'audit.read',
    tag,
    summary: 'Kontrollera att loggens hashkedja är obruten',
    body: auditVerifyBody,
    response: auditVerifyResult,
    handler: ({ actor, body, services }) => services.audit.verify(actor, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/audit-events/receipt',
    permission: 'audit.read',
    tag,
    summary: 'Ett signerat kvitto på kedjans senaste händelse, att spara utanför Tillit (kontrolleras med tillit audit verify --against)',
    response: auditReceipt,
    handler: ({ actor, services }) => services.audit.receipt(actor),
  }),
];
