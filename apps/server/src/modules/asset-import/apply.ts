import { randomUUID } from 'node:crypto';
import type { Trx } from '../../db/database.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import type { assetAuditFields } from '../assets/assets.audit.js';
import type { AssetValues } from '../assets/assets.repository.js';
import { assetBulkWrites as assets } from '../assets/assets.service.js';
import type { KnownAsset, PlannedRow } from './check.js';
import { assetsBefore, processorsOf } from './asset-import.repository.js';

/**
 * What an apply did, kept on the import so it can be undone as a whole (issue 9 item 9): the assets
 * it created, the columns it changed with their values before, the processing links it replaced,
 * and each touched asset's state after the apply (see `assetStates`) to know whether anything
 * else has changed it since.
 */
export interface UndoRecord {
  created: string[];
  updated: { id: string; before: Partial<AssetValues> }[];
  linksBefore: { setId: string; processors: string[] }[];
  states: Record<string, string>;
}

const BATCH = 1000;
/** The asset's audit field (assets.audit.ts) of each column an import writes: checked against the vocabulary by the type. */
const AUDIT_FIELD: Record<keyof AssetValues, keyof typeof assetAuditFields> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  unit_id: 'unitId',
  information_owner_id: 'informationOwnerId',
  system_owner_id: 'systemOwnerId',
  system_steward_id: 'systemStewardId',
  supplier: 'supplier',
  hosting: 'hosting',
  third_country_transfer: 'thirdCountryTransfer',
  third_countries: 'thirdCountries',
  essential_service: 'essentialService',
  personal_data: 'personalData',
  lifecycle: 'lifecycle',
  external_id: 'externalId',
  tags: 'tags',
  information_type_id: 'informationTypeId',
};

/** An asset's columns as the fields its audit events record (the same names the assets service writes). */
export function auditFieldsOf(values: Partial<Record<keyof AssetValues, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(AUDIT_FIELD)) out[field] = values[column as keyof AssetValues] ?? null;
  return out;
}

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes a checked plan in the caller's transaction: inserts and updates in batches, then replaces
 * the processing links of the sets whose `processedBy` was mapped, then recomputes the inherited
 * levels of every system/process involved in one statement. Returns, besides the counts, the audit
 * event of each asset created or changed (an update that changes nothing has none), for the caller
 * to write with the import's summary in one batch.
 */
export async function applyPlan(
  trx: Trx,
  ctx: { organizationId: string; userId: string | null; refs: Map<string, KnownAsset> },
  plan: PlannedRow[],
  onProgress: (done: number) => Promise<void>,
): Promise<{ created: number; updated: number; links: number; events: AuditInput[]; undo: Omit<UndoRecord, 'states'> }> {
  let done = 0;
  // A `processedBy` reference is an asset's Tillit id or external id, in the inventory or in the file.
  const idOfExternal = new Map<string, string>([...ctx.refs].map(([ref, a]) => [ref, a.id]));
  const creates = plan.filter((p) => !p.existingId).map((p) => ({ ...p, id: randomUUID() }));
  const idOfRow = new Map<number, string>(plan.filter((p) => p.existingId).map((p) => [p.row, p.existingId!]));
  for (const c of creates) {
    idOfRow.set(c.row, c.id);
    if (c.externalId) idOfExternal.set(c.externalId, c.id);
  }

  for (const batch of chunks(creates)) {
    await assets.insertMany(
      trx,
      batch.map((p) => ({
        ...p.values,
        id: p.id,
        organization_id: ctx.organizationId,
        kind: p.kind,
        name: p.values.name!,
        unit_id: p.values.unit_id!,
        created_by: ctx.userId,
      })),
    );
    done += batch.length;
    await onProgress(done);
  }

  const events: AuditInput[] = creates.map((c) => ({
    action: 'import',
    entityType: 'asset',
    entityId: c.id,
    entityLabel: c.values.name!,
    unitId: c.values.unit_id!,
    after: auditFieldsOf({ ...c.values, kind: c.kind }),
  }));

  // Updates touch only the mapped fields; rows with the same set of fields go in one statement.
  const updates = plan.filter((p) => p.existingId);
  // Read before writing, for each changed asset's before and after (one query per batch of ids).
  const beforeRows = new Map<string, Awaited<ReturnType<typeof assetsBefore>>[number]>();
  for (const batch of chunks(
    updates.map((p) => p.existingId!),
    5000,
  )) {
    for (const r of await assetsBefore(trx, ctx.organizationId, batch)) beforeRows.set(r.id, r);
  }
  for (const p of updates) {
    const before = beforeRows.get(p.existingId!);
    if (!before) continue;
    const after = { ...before, ...p.values };
    // recordAudits leaves out an event whose before and after do not differ.
    events.push({
      action: 'import',
      entityType: 'asset',
      entityId: before.id,
      entityLabel: after.name,
      unitId: after.unit_id,
      before: auditFieldsOf(before),
      after: auditFieldsOf(after),
    });
  }
  const groups = new Map<string, PlannedRow[]>();
  for (const p of updates) {
    const key = Object.keys(p.values).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const [key, rows] of groups) {
    const columns = key ? (key.split(',') as (keyof AssetValues)[]) : [];
    for (const batch of chunks(rows)) {
      if (columns.length) {
        await assets.updateColumns(
          trx,
          ctx.organizationId,
          columns,
          batch.map((p) => ({ id: p.existingId, ...p.values })),
        );
      }
      done += batch.length;
      await onProgress(done);
    }
  }

  const synced = plan.filter((p) => p.processedBy && p.kind === 'information_set');
  const syncedIds = synced.map((p) => idOfRow.get(p.row)!);
  const syncedExisting = synced.filter((p) => p.existingId).map((p) => p.existingId!);
  const linksBefore = await processorsOf(trx, syncedExisting);
  const before = syncedIds.length ? await assets.processorsOfSets(trx, syncedIds) : [];
  if (syncedIds.length) await assets.deleteLinksOfSets(trx, syncedIds);
  const links: { organization_id: string; asset_id: string; information_set_id: string }[] = [];
  synced.forEach((p, i) => {
    for (const ref of p.processedBy!) {
      const processor = idOfExternal.get(ref);
      if (processor) links.push({ organization_id: ctx.organizationId, asset_id: processor, information_set_id: syncedIds[i]! });
    }
  });
  for (const batch of chunks(links, 5000)) {
    await assets.insertLinks(trx, batch);
  }

  const affected = new Set<string>([...before, ...links.map((l) => l.asset_id)]);
  for (const p of plan) if (p.kind !== 'information_set' && p.existingId) affected.add(p.existingId);
  // An updated set may have changed lifecycle (retired sets pass nothing on): its processors too.
  const updatedSets = plan.filter((p) => p.kind === 'information_set' && p.existingId).map((p) => p.existingId!);
  if (updatedSets.length) {
    for (const id of await assets.processorsOfSets(trx, updatedSets)) affected.add(id);
  }
  await assets.recomputeProcessors(trx, [...affected]);
  const undo = {
    created: creates.map((c) => c.id),
    updated: updates.flatMap((p) => {
      const b = beforeRows.get(p.existingId!);
      if (!b) return [];
      return [
        {
          id: b.id,
          before: Object.fromEntries(Object.keys(p.values).map((c) => [c, b[c as keyof typeof b] ?? null])) as Partial<AssetValues>,
        },
      ];
    }),
    linksBefore: syncedExisting.map((setId) => ({ setId, processors: [...(linksBefore.get(setId) ?? [])] })),
  };
  return { created: creates.length, updated: updates.length, links: links.length, events, undo };
}
