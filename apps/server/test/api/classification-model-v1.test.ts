import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { up } from '../../src/db/migrations/20261202T0200_classification_model_v1.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

const rows = async (organizationId: string) => {
  const models = await t.db
    .selectFrom('classification_models')
    .select(['version', 'created_by'])
    .where('organization_id', '=', organizationId)
    .execute();
  const events = await t.db
    .selectFrom('audit_events')
    .select(['action', 'entity_type'])
    .where('organization_id', '=', organizationId)
    .where('entity_type', '=', 'classification_model')
    .execute();
  return { models, events };
};

describe('the classification model’s version 1', () => {
  it('is created with the organisation, audited there, and reading the model writes nothing', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    expect(await rows(org.id)).toEqual({
      models: [{ version: 1, created_by: null }],
      events: [{ action: 'create', entity_type: 'classification_model' }],
    });
    const before = await t.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();

    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    for (const url of ['/api/v1/classification-model', '/api/v1/classification-models', '/api/v1/information-types/export']) {
      expect((await coordinator.get(url)).statusCode, url).toBe(200);
    }
    const after = await t.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', org.id)
      .where('action', '!=', 'login')
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await rows(org.id)).models).toHaveLength(1);
  });

  it('is given by the migration to an organisation that has none, once, in its audit chain', async () => {
    const { org } = await seedOrg(t.db, [{ role: 'admin' }]);
    // An organisation from before the rule: its model is not there yet.
    await t.db.deleteFrom('classification_models').where('organization_id', '=', org.id).execute();
    await t.db.transaction().execute((trx) => up(trx));
    await t.db.transaction().execute((trx) => up(trx));
    const { models, events } = await rows(org.id);
    expect(models).toEqual([{ version: 1, created_by: null }]);
    // One event from the creation, one from the migration: the second run added nothing.
    expect(events).toHaveLength(2);
    expect((await verifyAuditChain(t.db, org.id)).ok).toBe(true);
  });
});
