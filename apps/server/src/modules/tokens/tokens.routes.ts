import { apiTokenView, createdToken, createTokenBody, idParams } from '@tillit/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'api-tokens';

export const tokenRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/api-tokens',
    permission: 'token.manage',
    tag,
    summary: 'API-nycklar för integrationer',
    response: z.array(apiTokenView),
    handler: ({ actor, services }) => services.tokens.list(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/api-tokens',
    permission: 'token.manage',
    tag,
    summary: 'Skapa en API-nyckel (hemligheten visas en gång)',
    status: 201,
    body: createTokenBody,
    response: createdToken,
    handler: ({ actor, body, services }) => services.tokens.create(actor, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/api-tokens/:id',
    permission: 'token.manage',
    tag,
    summary: 'Återkalla en API-nyckel',
    params: idParams,
    handler: ({ actor, params, services }) => services.tokens.revoke(actor, params.id),
  }),
];
