import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { countEvents, events, row } from '../helpers/audit.js';

const t = useTestApp();

describe('saves that change something are audited; saves that change nothing write nothing', () => {
  it('records a change of one’s display language as a change of the user, and choosing the same language again writes nothing', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'information_owner', unit: 'a' }]);
    const owner = await signIn(t.app, users['information_owner@a']!.email);
    const before = await countEvents(t.db, org.id);
    expect((await owner.patch('/api/v1/auth/profile', { locale: 'en' })).statusCode).toBe(204);
    expect(await countEvents(t.db, org.id)).toBe(before + 1);
    expect((await owner.patch('/api/v1/auth/profile', { locale: 'en' })).statusCode).toBe(204);
    expect(await countEvents(t.db, org.id)).toBe(before + 1);

    const admin = await signIn(t.app, users.admin!.email);
    const [changed] = await events(admin, `action=update&entityType=user&entityId=${users['information_owner@a']!.id}`);
    expect(changed).toMatchObject({ action: 'update', entityType: 'user', changes: { locale: { before: 'sv', after: 'en' } } });
    expect(row(changed!, 'locale')).toMatchObject({ label: 'Språk', before: 'Svenska', after: 'Engelska' });
  });

  it('saves the classification model unchanged as no new version and no event (200 with the current version)', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const current = (await coordinator.get('/api/v1/classification-model')).json();
    const before = await countEvents(t.db, org.id);

    const same = await coordinator.post('/api/v1/classification-models', { definition: current.definition, note: 'Inget nytt' });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ id: current.id, version: 1, isCurrent: true });
    expect((await coordinator.get('/api/v1/classification-models')).json()).toHaveLength(1);
    expect(await countEvents(t.db, org.id)).toBe(before);

    const changed = await coordinator.post('/api/v1/classification-models', {
      definition: { ...current.definition, reviewMonths: current.definition.reviewMonths + 12 },
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json()).toMatchObject({ version: 2, isCurrent: true });
    expect(await countEvents(t.db, org.id)).toBe(before + 1);
  });
});
