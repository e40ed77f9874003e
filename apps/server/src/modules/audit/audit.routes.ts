import { auditEventView, auditListQuery, auditVerifyQuery, auditVerifyResult, pageOf } from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'audit';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/audit-events', permission: 'audit.read', tag, summary: 'Granskningsloggen, nyast först',
    query: auditListQuery, response: pageOf(auditEventView),
    handler: ({ actor, query, services }) => services.audit.list(actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/audit-events/verify', permission: 'audit.read', tag, summary: 'Kontrollera att loggens hashkedja är obruten',
    query: auditVerifyQuery, response: auditVerifyResult,
    handler: ({ actor, query, services }) => services.audit.verify(actor, query),
  }),
];
