import type { Db } from '../db/database.js';
import { verifyWithCheckpoint } from '../platform/audit/checkpoint.js';
import { receiptIsGenuine, type Receipt } from '../platform/audit/receipts.js';
import type { ChainPoint } from '../platform/audit/verify.js';

/** Recorded as who set a checkpoint from the command line, where nobody is signed in. */
const CLI_VERIFIER = { userId: null, name: 'tillit audit verify' };

/**
 * `tillit audit verify`: every organisation's chain, in full by default (the operator's own check
 * trusts no earlier verification); `incremental` continues from each organisation's checkpoint.
 * `against`: receipts kept outside the database; each must be genuine and each chain must pass every
 * receipt of its organisation with the receipt's hash (rewrites and cut-off tails show).
 * Returns the number of broken chains (and receipts that are not genuine).
 */
export async function verifyAllChains(
  db: Db,
  opts: { incremental: boolean; against?: Receipt[] },
  print: (line: string) => void = console.log,
): Promise<number> {
  let broken = 0;
  const anchors = new Map<string, ChainPoint[]>();
  for (const r of opts.against ?? []) {
    if (!receiptIsGenuine(r)) {
      print(
        `OGILTIGT kvitto för händelse ${r.eventId} (${r.at}): inte signerat med den här installationens nyckel / not signed by this installation's key`,
      );
      broken++;
      continue;
    }
    anchors.set(r.organizationId, [...(anchors.get(r.organizationId) ?? []), { eventId: Number(r.eventId), hash: r.hash }]);
  }
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();
  for (const id of anchors.keys()) {
    if (!orgs.some((o) => o.id === id)) {
      print(`BRUTEN organisation ${id}: finns i kvittona men inte i databasen / in the receipts but not in the database`);
      broken++;
    }
  }
  for (const org of orgs) {
    const receipts = anchors.get(org.id) ?? [];
    const r = await verifyWithCheckpoint(db, org.id, { full: !opts.incremental, by: CLI_VERIFIER, receipts });
    const from = r.fromCheckpoint
      ? ` efter kontrollpunkten vid händelse ${r.fromCheckpoint.eventId} (${r.fromCheckpoint.verifiedAt.toISOString()}, ${r.fromCheckpoint.verifiedByName})`
      : '';
    const against = opts.against ? `, ${receipts.length} kvitton` : '';
    print(
      `${r.ok ? 'OK    ' : 'BRUTEN'} ${org.name}: ${r.checked} händelser kontrollerade${from}${against}${r.ok ? '' : `, första brott vid händelse ${r.firstBrokenId}`}`,
    );
    if (!r.ok) broken++;
  }
  return broken;
}
