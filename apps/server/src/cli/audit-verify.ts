import type { Db } from '../db/database.js';
import { verifyWithCheckpoint } from '../platform/audit/checkpoint.js';

/** Recorded as who set a checkpoint from the command line, where nobody is signed in. */
const CLI_VERIFIER = { userId: null, name: 'tillit audit verify' };

/**
 * `tillit audit verify`: every organisation's chain, in full by default (the operator's own check
 * trusts no earlier verification); `incremental` continues from each organisation's checkpoint.
 * Returns the number of broken chains.
 */
export async function verifyAllChains(
  db: Db,
  opts: { incremental: boolean },
  print: (line: string) => void = console.log,
): Promise<number> {
  let broken = 0;
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();
  for (const org of orgs) {
    const r = await verifyWithCheckpoint(db, org.id, { full: !opts.incremental, by: CLI_VERIFIER });
    const from = r.fromCheckpoint
      ? ` efter kontrollpunkten vid händelse ${r.fromCheckpoint.eventId} (${r.fromCheckpoint.verifiedAt.toISOString()}, ${r.fromCheckpoint.verifiedByName})`
      : '';
    print(
      `${r.ok ? 'OK    ' : 'BRUTEN'} ${org.name}: ${r.checked} händelser kontrollerade${from}${r.ok ? '' : `, första brott vid händelse ${r.firstBrokenId}`}`,
    );
    if (!r.ok) broken++;
  }
  return broken;
}
