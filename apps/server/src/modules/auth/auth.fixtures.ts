import type { RouteFixtures } from '../../platform/fixtures.js';
import type { FixtureWorld } from '../../platform/fixtures.js';
import { newSecret, sha256 } from '../../platform/auth/secrets.js';
import { makeUser } from '../../seed/factories.js';
import * as usersRepo from '../users/users.repository.js';

/** An invited person with a one-time link; the token is what the mail would carry. */
async function invitation(w: FixtureWorld) {
  const token = newSecret();
  await w.tx(async (trx) => {
    const user = await makeUser(trx, w.organizationId, { password: null, name: `Inbjuden ${w.marker}` });
    await usersRepo.insertLink(trx, {
      user_id: user.id,
      purpose: 'invitation',
      token_hash: sha256(token),
      expires_at: new Date(Date.now() + 86_400_000),
    });
  });
  return token;
}

export const authFixtures: RouteFixtures = {
  'POST /api/v1/auth/login': {
    scope: 'organization',
    build: async (w) => {
      const p = await w.person();
      return { body: { email: p.email, password: w.password } };
    },
    audit: [{ action: 'login', entityType: 'session' }],
  },
  'POST /api/v1/auth/logout': { scope: 'organization', build: async () => ({}), audit: [{ action: 'logout', entityType: 'session' }] },
  'GET /api/v1/auth/session': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/auth/password': {
    scope: 'organization',
    // The acting user changes its own password to a new one (the current one may not be reused); its
    // password is first set back to the tests' one, which an earlier cell may have changed.
    build: async (w) => {
      if (w.actor) {
        const ref = await w.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', (await w.person()).id)
          .executeTakeFirstOrThrow();
        await w.db.updateTable('users').set({ password_hash: ref.password_hash }).where('id', '=', w.actor.id).execute();
      }
      return {
        body: { currentPassword: w.password, newPassword: `${w.password}-ny-${w.marker}-${Math.random().toString(36).slice(2, 8)}` },
      };
    },
    audit: [{ action: 'password_change', entityType: 'user' }],
  },
  // The acting user's language is set back to Swedish first, so choosing English is a change.
  'PATCH /api/v1/auth/profile': {
    scope: 'organization',
    build: async (w) => {
      if (w.actor) await w.db.updateTable('users').set({ locale: 'sv' }).where('id', '=', w.actor.id).execute();
      return { body: { locale: 'en' } };
    },
    audit: [{ action: 'update', entityType: 'user' }],
  },
  'GET /api/v1/auth/links/:token': { scope: 'organization', build: async (w) => ({ params: { token: await invitation(w) } }), audit: [] },
  'POST /api/v1/auth/links/accept': {
    scope: 'organization',
    build: async (w) => ({ body: { token: await invitation(w), password: w.password } }),
    audit: [{ action: 'update', entityType: 'user' }],
  },
};
