import type { AuditAction } from '../../platform/audit/vocabulary.js';
import type { FixtureWorld, RouteFixtures } from '../../platform/fixtures.js';
import { makeUnit } from '../../seed/factories.js';

/** A unit below the world's unit (closed when asked). */
const unitBelow = (w: FixtureWorld, closed = false) =>
  w.tx(async (trx) => {
    const unit = await makeUnit(trx, w.unit, { name: `Enhet ${w.marker}` });
    if (closed) await trx.updateTable('units').set({ closed_at: new Date() }).where('id', '=', unit.id).execute();
    return unit;
  });

const onUnit = (audit: { action: AuditAction }[], body?: (w: FixtureWorld) => Promise<unknown>, closed = false) => ({
  scope: 'unit' as const,
  build: async (w: FixtureWorld) => {
    const unit = await unitBelow(w, closed);
    return { params: { id: unit.id }, ...(body ? { body: await body(w) } : {}) };
  },
  audit: audit.map((a) => ({ ...a, entityType: 'unit' as const })),
});

export const unitFixtures: RouteFixtures = {
  // The unit tree is readable to anyone with unit.read anywhere in the organisation.
  'GET /api/v1/units': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/units': {
    scope: 'unit',
    build: async (w) => ({ body: { parentId: w.unit.id, name: `Ny enhet ${w.marker}`, kind: 'unit' } }),
    audit: [{ action: 'create', entityType: 'unit' }],
  },
  'GET /api/v1/units/:id': { ...onUnit([]), sibling: 'allow' },
  'PATCH /api/v1/units/:id': onUnit([{ action: 'update' }], async (w) => ({
    name: `Omdöpt ${w.marker}`,
    description: 'Ändrad beskrivning',
  })),
  'POST /api/v1/units/:id/move': {
    scope: 'unit',
    build: async (w) => {
      const [unit, parent] = [await unitBelow(w), await unitBelow(w)];
      return { params: { id: unit.id }, body: { parentId: parent.id } };
    },
    audit: [{ action: 'move', entityType: 'unit' }],
  },
  'POST /api/v1/units/:id/close': onUnit([{ action: 'close' }]),
  'POST /api/v1/units/:id/reopen': onUnit([{ action: 'reopen' }], undefined, true),
  'DELETE /api/v1/units/:id': onUnit([{ action: 'delete' }]),
};
