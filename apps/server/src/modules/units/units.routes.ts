import { createUnitBody, idParams, moveUnitBody, unitListQuery, unitView, updateUnitBody } from '@tillit/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'units';

export const unitRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/units', permission: 'unit.read', tag, summary: 'Organisationens enheter (platt lista)',
    query: unitListQuery, response: z.array(unitView),
    handler: ({ actor, query, services }) => services.units.list(actor, query.includeClosed),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/units', permission: 'unit.manage', tag, summary: 'Skapa en enhet', status: 201,
    body: createUnitBody, response: unitView,
    handler: ({ actor, body, services }) => services.units.create(actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/units/:id', permission: 'unit.read', tag, summary: 'En enhet',
    params: idParams, response: unitView,
    handler: ({ actor, params, services }) => services.units.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/units/:id', permission: 'unit.manage', tag, summary: 'Ändra en enhet',
    params: idParams, body: updateUnitBody, response: unitView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.units.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/units/:id/move', permission: 'unit.manage', tag, summary: 'Flytta en enhet',
    params: idParams, body: moveUnitBody, response: unitView,
    handler: ({ actor, params, body, services }) => services.units.move(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/units/:id/close', permission: 'unit.manage', tag, summary: 'Stäng en enhet',
    params: idParams, response: unitView,
    handler: ({ actor, params, services }) => services.units.setClosed(actor, params.id, true),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/units/:id/reopen', permission: 'unit.manage', tag, summary: 'Öppna en stängd enhet',
    params: idParams, response: unitView,
    handler: ({ actor, params, services }) => services.units.setClosed(actor, params.id, false),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/units/:id', permission: 'unit.manage', tag, summary: 'Ta bort en tom enhet',
    params: idParams,
    handler: ({ actor, params, services }) => services.units.remove(actor, params.id),
  }),
];
