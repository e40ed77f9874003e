import { holdsOn, type Actor } from '../../platform/access.js';
import { recordAudits, type AuditInput } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Trx } from '../../db/database.js';
import type { AssetValues } from '../assets/assets.repository.js';
import { assetBulkWrites as assets } from '../assets/assets.service.js';
import { auditFieldsOf, type UndoRecord } from './apply.js';
import * as repo from './asset-import.repository.js';

/** At most this many changed assets are named in the refusal (the count has them all). */
const NAMED = 50;

/**
 * Undoes an applied import as a whole, in the caller's transaction (issue 9 item 9): the assets it
 * created are removed, the fields it changed get their values from before, the processing links it
 * replaced come back. Refused with 409 `import_changed_since`, naming the assets, when anything else
 * has changed one of them since (its row_version, links, integrations or classification versions
 * differ from what the apply recorded); refused with 403 when the actor may not write on every unit
 * touched (where the asset is and, for a moved one, where it goes back to). Each asset gets an
 * `import_undo` event, the import a summary.
 */
export async function undoImport(trx: Trx, actor: Actor, importId: string): Promise<{ removed: number; reverted: number }> {
  const row = await repo.findForUndo(trx, actor.organizationId, importId);
  if (!row) throw new AppError('not_found');
  const undo = row.undo as UndoRecord | null;
  if (row.status !== 'applied' || row.undone_at || !undo) throw new AppError('import_not_undoable', { status: row.status });

  const ids = [...undo.created, ...undo.updated.map((u) => u.id)];
  const now = await repo.assetStates(trx, actor.organizationId, ids);
  const changed = ids.filter((id) => now.get(id)?.state !== undo.states[id]);
  if (changed.length) {
    throw new AppError('import_changed_since', {
      count: changed.length,
      assets: changed.slice(0, NAMED).map((id) => ({ id, name: now.get(id)?.name ?? null, removed: !now.has(id) })),
    });
  }

  // Access on every unit touched: where each asset is now, and where a moved one goes back to.
  const backTo = await repo.unitPaths(trx, actor.organizationId, [
    ...new Set(undo.updated.map((u) => u.before.unit_id).filter((u): u is string => !!u)),
  ]);
  const forbidden = [...[...now.values()].map((a) => a.unitPath), ...backTo.map((u) => u.path)].filter(
    (path) => !holdsOn(actor, 'asset.write', path),
  );
  if (forbidden.length) throw new AppError('forbidden');

  const before = new Map((await repo.assetsBefore(trx, actor.organizationId, ids)).map((a) => [a.id, a]));
  const events: AuditInput[] = [];
  const removed = new Set(undo.created);
  // Systems whose inherited levels follow from links that the undo removes or restores.
  const affected = new Set<string>(await assets.processorsOfSets(trx, ids));

  if (undo.linksBefore.length) {
    const setIds = undo.linksBefore.map((l) => l.setId);
    await assets.deleteLinksOfSets(trx, setIds);
    const links = undo.linksBefore.flatMap((l) =>
      l.processors
        .filter((p) => !removed.has(p))
        .map((p) => ({ organization_id: actor.organizationId, asset_id: p, information_set_id: l.setId })),
    );
    for (const l of links) affected.add(l.asset_id);
    if (links.length) await assets.insertLinks(trx, links);
  }

  const groups = new Map<string, UndoRecord['updated']>();
  for (const u of undo.updated) {
    const key = Object.keys(u.before).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), u]);
    const current = before.get(u.id)!;
    const restored = { ...current, ...u.before };
    events.push({
      action: 'import_undo',
      entityType: 'asset',
      entityId: u.id,
      entityLabel: restored.name,
      unitId: restored.unit_id,
      before: auditFieldsOf(current),
      after: auditFieldsOf(restored),
    });
    if (current.kind !== 'information_set') affected.add(u.id);
  }
  for (const [key, rows] of groups) {
    if (!key) continue;
    for (let i = 0; i < rows.length; i += 1000) {
      await assets.updateColumns(
        trx,
        actor.organizationId,
        key.split(',') as (keyof AssetValues)[],
        rows.slice(i, i + 1000).map((u) => ({ id: u.id, ...u.before })),
      );
    }
  }

  for (const id of undo.created) {
    const a = before.get(id)!;
    events.push({
      action: 'import_undo',
      entityType: 'asset',
      entityId: id,
      entityLabel: a.name,
      unitId: a.unit_id,
      before: auditFieldsOf(a),
    });
  }
  await assets.deleteMany(trx, actor.organizationId, undo.created);
  await assets.recomputeProcessors(
    trx,
    [...affected].filter((id) => !removed.has(id)),
  );

  const counts = { removed: undo.created.length, reverted: undo.updated.length };
  await recordAudits(trx, actor, [
    ...events,
    {
      action: 'import_undo',
      entityType: 'asset_import',
      entityId: importId,
      entityLabel: row.file_name,
      changes: { removed: { after: counts.removed }, reverted: { after: counts.reverted } },
    },
  ]);
  await repo.markUndone(trx, importId, actor.userId);
  return counts;
}
