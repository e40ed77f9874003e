import type { FastifyReply } from 'fastify';
import { acceptInvitationBody, changePasswordBody, invitationInfo, loginBody, sessionView, updateProfileBody } from '@tillit/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { SESSION_COOKIE } from '../../platform/auth/authenticate.js';
import { sessionViewOf } from '../../platform/auth/session-view.js';
import type { NewSession } from './auth.service.js';

const tag = 'auth';

function setSessionCookie(reply: FastifyReply, session: NewSession) {
  const config = reply.server.services.config;
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
  return session.view;
}

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    permission: 'public',
    tag,
    summary: 'Logga in med e-post och lösenord',
    body: loginBody,
    response: sessionView,
    handler: async ({ body, services, req, reply }) => setSessionCookie(reply, await services.auth.login(body, req.ip)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    permission: 'authenticated',
    tag,
    summary: 'Logga ut',
    handler: async ({ actor, services, req, reply }) => {
      await services.auth.logout(actor, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/session',
    permission: 'authenticated',
    tag,
    summary: 'Den inloggade användaren, roller och behörigheter',
    response: sessionView,
    // Authentication loaded all of it in its one statement: nothing more is sent to the database.
    handler: async ({ actor, services, req }) =>
      req.sessionProfile && actor.userId
        ? sessionViewOf(actor, req.sessionProfile, req.csrfToken ?? '')
        : services.auth.current(actor, req.sessionId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/password',
    permission: 'authenticated',
    tag,
    summary: 'Byt eget lösenord',
    body: changePasswordBody,
    handler: ({ actor, body, services, req }) => services.auth.changePassword(actor, req.sessionId, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/auth/profile',
    permission: 'authenticated',
    tag,
    summary: 'Välj språk',
    body: updateProfileBody,
    handler: ({ actor, body, services }) => services.auth.setLocale(actor, body.locale),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/links/:token',
    permission: 'public',
    tag,
    summary: 'Vad en inbjudnings- eller återställningslänk gäller',
    params: z.object({ token: z.string().min(20).max(200) }),
    response: invitationInfo,
    handler: ({ params, services }) => services.auth.linkInfo(params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/links/accept',
    permission: 'public',
    tag,
    summary: 'Välj lösenord via länk och logga in',
    body: acceptInvitationBody,
    response: sessionView,
    handler: async ({ body, services, reply }) => setSessionCookie(reply, await services.auth.acceptLink(body)),
  }),
];
