import { dashboardView } from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/dashboard',
    permission: 'authenticated',
    tag: 'dashboard',
    summary: 'Startsidans nyckeltal',
    response: dashboardView,
    handler: ({ actor, services }) => services.dashboard.get(actor),
  }),
];
