import { normalizeOrgNumber, isValidOrgNumber } from '@tillit/core';
import type { Db } from '../db/database.js';
import { StartupError } from '../db/embedded.js';
import { insertOrganization } from '../modules/organizations/organizations.service.js';
import { systemActor } from '../platform/access.js';
import { makeUser } from '../seed/factories.js';
import { findByEmail } from '../modules/users/users.repository.js';

/** First administrator of an installation (and of an organisation, created if it does not exist). */
export async function createPlatformAdmin(
  db: Db,
  opts: { email: string; name: string; orgNumber: string; orgName?: string; password: string },
) {
  if (!isValidOrgNumber(opts.orgNumber)) throw new StartupError(`Ogiltigt organisationsnummer: ${opts.orgNumber}`);
  if (opts.password.length < 12) throw new StartupError('Lösenordet måste ha minst 12 tecken.');
  const orgNumber = normalizeOrgNumber(opts.orgNumber)!;
  await db.transaction().execute(async (trx) => {
    let org = await trx.selectFrom('organizations').select('id').where('org_number', '=', orgNumber).executeTakeFirst();
    if (!org) {
      if (!opts.orgName) throw new StartupError('Organisationen finns inte; ange --org-name för att skapa den.');
      org = (
        await insertOrganization(trx, systemActor('00000000-0000-0000-0000-000000000000', 'tillit create-admin'), {
          name: opts.orgName,
          orgNumber,
          kind: 'region',
        })
      ).org;
    }
    const root = await trx
      .selectFrom('units')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const taken = await findByEmail(trx, opts.email);
    if (taken) throw new StartupError(`Det finns redan en användare med e-postadressen ${opts.email}.`);
    await makeUser(
      trx,
      org.id,
      {
        email: opts.email.toLowerCase(),
        name: opts.name,
        password: opts.password,
        isPlatformAdmin: true,
        roles: [{ role: 'admin', unitId: root.id }],
      },
      systemActor(org.id, 'tillit create-admin'),
    );
  });
}
