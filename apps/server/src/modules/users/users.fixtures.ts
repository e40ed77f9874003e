import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';

let n = 0;
/** A person whose only role lies on the world's unit: managing them needs the permission there. */
async function member(w: FixtureWorld) {
  const p = await w.person([{ role: 'auditor', unitId: w.unit.id }]);
  const grant = await w.db.selectFrom('role_assignments').select('id').where('user_id', '=', p.id).executeTakeFirstOrThrow();
  return { ...p, grantId: grant.id };
}

const onMember = (audit: RouteFixture['audit'], body?: (w: FixtureWorld) => unknown): RouteFixture => ({
  scope: 'unit',
  build: async (w) => ({ params: { id: (await member(w)).id }, ...(body ? { body: body(w) } : {}) }),
  audit,
});

export const userFixtures: RouteFixtures = {
  // The people of the organisation are listed to anyone with user.read anywhere in it.
  'GET /api/v1/users': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/users': {
    scope: 'unit',
    build: async (w) => ({
      body: { email: `ny${++n}-${Date.now()}@test.example`, name: `Ny person ${w.marker}`, role: 'auditor', unitId: w.unit.id },
    }),
    audit: [
      { action: 'invite', entityType: 'user' },
      { action: 'grant', entityType: 'role_assignment' },
    ],
  },
  'GET /api/v1/users/:id': { ...onMember([]), sibling: 'allow' },
  'PATCH /api/v1/users/:id': onMember([{ action: 'update', entityType: 'user' }], (w) => ({ name: `Omdöpt ${w.marker}` })),
  // A role the member lacks and whose permissions every granter (role.manage: the admin role) holds:
  // a grant never reaches above the granter's own rights.
  'POST /api/v1/users/:id/roles': onMember([{ action: 'grant', entityType: 'role_assignment' }], (w) => ({
    role: 'admin',
    unitId: w.unit.id,
  })),
  'DELETE /api/v1/users/:id/roles/:assignmentId': {
    scope: 'unit',
    build: async (w) => {
      const m = await member(w);
      return { params: { id: m.id, assignmentId: m.grantId } };
    },
    audit: [{ action: 'revoke', entityType: 'role_assignment' }],
  },
  'POST /api/v1/users/:id/reset-password': onMember([{ action: 'password_reset', entityType: 'user' }]),
  'POST /api/v1/users/:id/unlock': onMember([{ action: 'update', entityType: 'user' }]),
};
