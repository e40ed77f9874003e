import { grantRoleBody, idParams, inviteUserBody, linkResponse, pageOf, updateUserBody, userListQuery, userView } from '@tillit/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'users';

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/users', permission: 'user.read', tag, summary: 'Användare i organisationen',
    query: userListQuery, response: pageOf(userView),
    handler: ({ actor, query, services }) => services.users.list(actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users', permission: 'user.manage', tag, summary: 'Bjud in en användare med en roll på en enhet', status: 201,
    body: inviteUserBody, response: linkResponse,
    handler: ({ actor, body, services }) => services.users.invite(actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/users/:id', permission: 'user.read', tag, summary: 'En användare',
    params: idParams, response: userView,
    handler: ({ actor, params, services }) => services.users.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/users/:id', permission: 'user.manage', tag, summary: 'Ändra namn eller status',
    params: idParams, body: updateUserBody, response: userView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.users.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users/:id/roles', permission: 'role.manage', tag, summary: 'Ge en roll på en enhet',
    params: idParams, body: grantRoleBody, response: userView,
    handler: ({ actor, params, body, services }) => services.users.grantRole(actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/users/:id/roles/:assignmentId', permission: 'role.manage', tag, summary: 'Ta bort en roll',
    params: z.object({ id: z.uuid(), assignmentId: z.uuid() }), response: userView,
    handler: ({ actor, params, services }) => services.users.revokeRole(actor, params.id, params.assignmentId),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users/:id/reset-password', permission: 'user.manage', tag, summary: 'Skapa en länk för nytt lösenord',
    params: idParams, response: linkResponse,
    handler: ({ actor, params, services }) => services.users.resetPassword(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users/:id/unlock', permission: 'user.manage', tag, summary: 'Lås upp ett tillfälligt låst konto',
    params: idParams, response: userView,
    handler: ({ actor, params, services }) => services.users.unlock(actor, params.id),
  }),
];
