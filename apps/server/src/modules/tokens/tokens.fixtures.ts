import type { RouteFixtures } from '../../platform/fixtures.js';
import { newSecret, sha256 } from '../../platform/auth/secrets.js';

export const tokenFixtures: RouteFixtures = {
  'GET /api/v1/api-tokens': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/api-tokens': {
    scope: 'organization',
    build: async (w) => ({ body: { name: `Integration ${w.marker}`, scope: 'read', expiresInDays: 30 } }),
    audit: [{ action: 'create', entityType: 'api_token' }],
  },
  'DELETE /api/v1/api-tokens/:id': {
    scope: 'organization',
    // Below the top unit one manages only one's own tokens: another person's answers 404.
    sibling: 'deny',
    build: async (w) => {
      const owner = await w.person();
      const token = await w.db
        .insertInto('api_tokens')
        .values({
          organization_id: w.organizationId,
          user_id: owner.id,
          name: `Token ${w.marker}`,
          scope: 'read',
          token_hash: sha256(newSecret('tillit_')),
          expires_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { params: { id: token.id } };
    },
    audit: [{ action: 'revoke', entityType: 'api_token' }],
  },
};
