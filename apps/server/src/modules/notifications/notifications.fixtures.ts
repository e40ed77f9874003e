import type { FixtureWorld, RouteFixtures } from '../../platform/fixtures.js';

/** An unread notice for a person of the world's organisation (the kind of the audit module's nightly check). */
async function notice(w: FixtureWorld) {
  // A notice is its reader's own: made for the acting user when they belong here, else for someone who does.
  const owner = w.actor && w.actor.organizationId === w.organizationId ? w.actor : await w.person();
  return w.db
    .insertInto('notifications')
    .values({
      organization_id: w.organizationId,
      user_id: owner.id,
      kind: 'audit.chain_broken',
      entity_type: 'audit_chain',
      entity_id: w.organizationId,
      params: JSON.stringify({ eventId: '1' }),
      link: '/audit',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// Notifications are each user's own: any signed-in user of the organisation reaches the routes.
export const notificationFixtures: RouteFixtures = {
  'GET /api/v1/notifications': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/notifications/unread-count': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/notifications/preferences': { scope: 'organization', build: async () => ({}), audit: [] },
  // Each acting user changes its own preferences once, from the default (no digest): one event.
  'PATCH /api/v1/notifications/preferences': {
    scope: 'organization',
    build: async () => ({ body: { digest: 'daily' } }),
    audit: [{ action: 'update', entityType: 'notification_preferences' }],
  },
  // Reading a notice changes only the reader's own view of it: deliberately not audited.
  'POST /api/v1/notifications/read-all': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/notifications/:id/read': {
    scope: 'organization',
    build: async (w) => ({ params: { id: (await notice(w)).id } }),
    audit: [],
  },
};
