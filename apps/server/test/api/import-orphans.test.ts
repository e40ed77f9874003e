import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { failOrphanedImports } from '../../src/modules/asset-import/asset-import.service.js';
import { jobContext, jobDefinitions } from '../../src/services.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventarie');
  ws.addRow(['Typ', 'Namn', 'Förvaltning', 'Externt id']);
  ws.addRow(['System', 'Journalsystem', 'Förvaltning A', 'SYS-1']);
  ws.addRow(['System', 'PACS', 'Förvaltning A', 'SYS-2']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('imports are never stuck in applying (issue 8 item 12)', () => {
  it('an apply whose process died is released by the sweep, and can be checked and applied again', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const up = await coordinator.request({
      method: 'POST',
      url: '/api/v1/asset-imports?fileName=inv.xlsx',
      payload: await workbook(),
      headers: { 'content-type': XLSX },
    });
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    const mapping = imp.suggestedMapping;
    expect((await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping })).statusCode).toBe(200);

    // What a kill during apply leaves: the row says `applying`, the apply's transaction is gone,
    // and nobody renews the lease any more (a minute past it).
    await sql`update asset_imports set status = 'applying', lease_until = now() - interval '1 minute' where id = ${imp.id}`.execute(t.db);
    const stuck = await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping });
    expect(stuck.statusCode).toBe(409);

    // A live apply (fresh lease) is left alone; the expired one is released.
    const other = await coordinator.request({
      method: 'POST',
      url: '/api/v1/asset-imports?fileName=live.xlsx',
      payload: await workbook(),
      headers: { 'content-type': XLSX },
    });
    await sql`update asset_imports set status = 'applying', lease_until = now() + interval '1 minute' where id = ${other.json().id}`.execute(
      t.db,
    );
    const released = await failOrphanedImports(t.db);
    expect(released.map((r) => r.id)).toEqual([imp.id]);
    const failed = (await coordinator.get(`/api/v1/asset-imports/${imp.id}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('import_interrupted');
    expect(failed.error.message).toMatch(/avbröts/);
    expect((await coordinator.get(`/api/v1/asset-imports/${other.json().id}`)).json().status).toBe('applying');

    expect((await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping })).statusCode).toBe(200);
    const applied = await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping });
    expect(applied.statusCode, applied.body).toBe(202);
    expect(applied.json()).toMatchObject({ status: 'applied', progress: { done: 2, total: 2 } });
    const row = await t.db.selectFrom('asset_imports').select(['status', 'lease_until']).where('id', '=', imp.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('applied');
  });

  it('the sweep is a job of the module manifest, run at start and every minute', async () => {
    const job = jobDefinitions().find((d) => d.name === 'asset-import.release-orphans');
    expect(job).toMatchObject({ cron: '* * * * *', runAtStart: true });
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const up = (
      await coordinator.request({
        method: 'POST',
        url: '/api/v1/asset-imports?fileName=inv.xlsx',
        payload: await workbook(),
        headers: { 'content-type': XLSX },
      })
    ).json();
    // An import stuck before leases existed has none.
    await sql`update asset_imports set status = 'applying', lease_until = null where id = ${up.id}`.execute(t.db);
    await job!.run({}, jobContext({ db: t.db, config: t.config, mailer: t.mailer, log: t.app.log }, t.app.services));
    expect((await coordinator.get(`/api/v1/asset-imports/${up.id}`)).json().status).toBe('failed');
  });
});
