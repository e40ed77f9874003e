import { createOrganizationBody, organizationView, updateOrganizationBody } from '@tillit/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'organizations';

export const organizationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organization',
    permission: 'org.read',
    tag,
    summary: 'Den egna organisationen',
    response: organizationView,
    handler: ({ actor, services }) => services.organizations.getOwn(actor),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/organization',
    permission: 'org.manage',
    tag,
    summary: 'Ändra den egna organisationen',
    body: updateOrganizationBody,
    response: organizationView,
    concurrency: true,
    handler: ({ actor, body, services, ifMatch }) => services.organizations.updateOwn(actor, body, ifMatch),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/organizations',
    permission: 'platform_admin',
    tag,
    summary: 'Alla organisationer i installationen',
    response: z.array(organizationView),
    handler: ({ actor, services }) => services.organizations.listAll(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/organizations',
    permission: 'platform_admin',
    tag,
    summary: 'Lägg till en organisation med dess första administratör',
    status: 201,
    body: createOrganizationBody,
    response: z.object({ organization: organizationView, adminLink: z.string().nullable(), mailed: z.boolean() }),
    handler: ({ actor, body, services }) => services.organizations.create(actor, body),
  }),
];
