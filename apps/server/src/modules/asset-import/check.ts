import {
  assetImportVocabulary,
  importFields,
  messages,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  type ImportReport,
  type Locale,
} from '@tillit/core';
import { AppError } from '../../platform/errors.js';
import type { AssetValues } from '../assets/assets.repository.js';
import type { ParsedSheet } from './parse.js';

/** An asset of the organisation as the check sees it. */
export interface KnownAsset {
  id: string;
  kind: string;
  name: string;
  externalId: string | null;
  unitId: string;
  unitPath: string[];
  unitName: string;
}

/** What the check needs to know about the organisation (loaded once per check). */
export interface Lookups {
  units: { id: string; name: string; path: string[] }[];
  users: { id: string; email: string; name: string }[];
  types: { id: string; key: string; name: string }[];
  /** Every asset of the organisation (id, kind, name, unit): matched by Tillit id, external id, or kind + unit + name. */
  assets: KnownAsset[];
  /** Organisation words added to the shipped vocabulary, per field and code. */
  words?: { field: string; code: string; word: string }[];
  /** May the importing user place assets on a unit with this path? */
  mayWrite: (unitPath: string[]) => boolean;
}

export interface PlannedRow {
  row: number;
  kind: string;
  existingId: string | null;
  externalId: string | null;
  values: AssetValues;
  /** Information sets: the systems/processes processing it (Tillit ids or external ids; replaces the links) when mapped. */
  processedBy?: string[];
}

/** The placeholder a planned row holds for a person invited with the apply (index into `mapping.invite`). */
export const INVITEE = 'invitee:';

/** The key under which two assets are the same one: kind, unit and the name compared case- and spacing-insensitively. */
export const sameAssetKey = (kind: string, unitId: string, name: string) => `${kind}|${unitId}|${norm(name)}`;

/** Existing assets by each reference a file may use for them: Tillit id and external id. */
export function assetRefs(assets: KnownAsset[]): Map<string, KnownAsset> {
  const out = new Map<string, KnownAsset>();
  for (const a of assets) {
    out.set(a.id, a);
    if (a.externalId) out.set(a.externalId, a);
  }
  return out;
}

/** A word or name as the check compares it: trimmed, lower case, single spaces. */
export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const LIMITS: Partial<Record<ImportField, number>> = { name: 200, description: 4000, supplier: 200, externalId: 100 };
type EnumField = keyof typeof assetImportVocabulary.values;

/** Header → field guesses from the vocabulary; each header is used once. */
export function suggestMapping(headers: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  const synonyms = assetImportVocabulary.headers as Record<ImportField, string[]>;
  for (const field of importFields) {
    const header = headers.find((h) => !used.has(h) && synonyms[field]?.some((s) => norm(s) === norm(h)));
    if (header) {
      out[field] = header;
      used.add(header);
    }
  }
  return out;
}

/** The shipped vocabulary with the organisation's own words added (field → normalised word → code). */
export function vocabularyOf(words: Lookups['words'] = []): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [field, table] of Object.entries(assetImportVocabulary.values) as [EnumField, Record<string, string[]>][]) {
    const m = new Map<string, string>();
    for (const [code, list] of Object.entries(table)) {
      m.set(code, code);
      for (const w of list) if (!m.has(norm(w))) m.set(norm(w), code);
    }
    out.set(field, m);
  }
  for (const w of words) out.get(w.field)?.set(norm(w.word), w.code);
  return out;
}

const list = (raw: string) => [
  ...new Set(
    raw
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** Checks every row against the mapping and the organisation; nothing is written. */
export function planImport(
  sheet: ParsedSheet,
  mapping: ImportMapping,
  lookups: Lookups,
  locale: Locale,
): { plan: PlannedRow[]; report: ImportReport } {
  const column: Partial<Record<ImportField, number>> = {};
  for (const [field, header] of Object.entries(mapping.mapping) as [ImportField, string][]) {
    const i = sheet.headers.findIndex((h) => norm(h) === norm(header));
    if (i < 0) throw new AppError('import_unknown_column', { field, column: header });
    column[field] = i;
  }
  // Said to the person choosing the columns, in her language (the page shows it at the field).
  const texts = messages[locale].importProblems as Record<string, string>;
  const missing: { path: string[]; code: string; message: string }[] = [];
  if (column.name === undefined) missing.push({ path: ['body', 'mapping', 'name'], code: 'required', message: texts.name_not_mapped! });
  if (column.kind === undefined && !mapping.defaultKind)
    missing.push({ path: ['body', 'mapping', 'kind'], code: 'required', message: texts.kind_not_mapped! });
  if (column.unit === undefined && !mapping.defaultUnitId)
    missing.push({ path: ['body', 'mapping', 'unit'], code: 'required', message: texts.unit_not_mapped! });
  if (missing.length) throw new AppError('validation_failed', { issues: missing });

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const problem = (
    row: number,
    field: ImportField | null,
    code: string,
    value: string | null,
    params: Record<string, string | number> = {},
  ) => {
    problemCount++;
    if (problems.length >= 1000) return;
    const message = (texts[code] ?? code).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
    problems.push({
      row,
      field,
      column: field && column[field] !== undefined ? sheet.headers[column[field]!]! : null,
      code,
      message,
      value,
    });
  };

  /** People the user confirmed to invite, by the file's value: the apply puts the new user's id where this placeholder is. */
  const invitees = new Map<string, string>((mapping.invite ?? []).map((p, i) => [norm(p.value), `${INVITEE}${i}`]));
  const unknownPeople = new Map<string, NonNullable<ImportReport['unknownPeople']>[number]>();
  const unknown = (v: string, n: number, f: ImportField, unitId: string | null) => {
    const had = unknownPeople.get(norm(v));
    if (had) {
      if (had.rows.length < 20) had.rows.push(n);
    } else if (unknownPeople.size < 500) unknownPeople.set(norm(v), { value: v, field: f, rows: [n], unitId });
  };
  /**
   * A person by e-mail address, or by name when exactly one user has it (ambiguous names say who
   * they could be); an unknown one is listed for the user to invite, or is one she confirmed.
   */
  const personOf = (v: string, n: number, f: ImportField, unitId: string | null): string | null => {
    if (v.includes('@')) {
      const id = usersByEmail.get(v.toLowerCase());
      if (id) return id;
    } else {
      const found = usersByName.get(norm(v)) ?? [];
      if (found.length === 1) return found[0]!.id;
      if (found.length > 1) {
        problem(n, f, 'ambiguous_user', v, { candidates: found.map((u) => `${u.name} <${u.email}>`).join(', ') });
        return null;
      }
    }
    const invited = invitees.get(norm(v));
    if (invited) return invited;
    unknown(v, n, f, unitId);
    problem(n, f, v.includes('@') ? 'unknown_user' : 'unknown_user_name', v);
    return null;
  };
  const vocabulary = vocabularyOf(lookups.words);
  const enumValue = (field: EnumField, raw: string) => vocabulary.get(field)?.get(norm(raw)) ?? null;
  const unitsById = new Map(lookups.units.map((u) => [u.id, u]));
  const unitsByName = new Map<string, (typeof lookups.units)[number][]>();
  for (const u of lookups.units) unitsByName.set(norm(u.name), [...(unitsByName.get(norm(u.name)) ?? []), u]);
  const usersByEmail = new Map(lookups.users.map((u) => [u.email.toLowerCase(), u.id]));
  const usersByName = new Map<string, (typeof lookups.users)[number][]>();
  for (const u of lookups.users) usersByName.set(norm(u.name), [...(usersByName.get(norm(u.name)) ?? []), u]);
  const typesByWord = new Map<string, string>();
  for (const t of lookups.types) {
    typesByWord.set(norm(t.name), t.id);
    typesByWord.set(t.key, t.id);
  }
  const refs = assetRefs(lookups.assets);
  const byKey = new Map<string, KnownAsset[]>();
  for (const a of lookups.assets) {
    const k = sameAssetKey(a.kind, a.unitId, a.name);
    byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const defaultUnit = mapping.defaultUnitId ? unitsById.get(mapping.defaultUnitId) : undefined;
  if (mapping.defaultUnitId && !defaultUnit) throw new AppError('unknown_unit', { field: 'defaultUnitId' });

  const plan: PlannedRow[] = [];
  const matches: ImportReport['matches'] = [];
  const firstRowOf = new Map<string, number>();
  const firstRowOfKey = new Map<string, number>();
  const firstRowOfAsset = new Map<string, number>();
  /** Systems and processes of the file by external id, and the row that has them, with or without problems. */
  const processorRows = new Map<string, number>();

  for (const { n, cells } of sheet.rows) {
    const cell = (f: ImportField) => (column[f] === undefined ? undefined : (cells[column[f]!] ?? '').trim());
    const before = problemCount;
    const values: AssetValues = {};
    const kindRaw = cell('kind');
    const kind = kindRaw ? enumValue('kind', kindRaw) : (mapping.defaultKind ?? null);
    if (!kind) problem(n, 'kind', kindRaw ? 'unknown_value' : 'required', kindRaw ?? null);
    for (const f of ['name', 'description', 'supplier', 'externalId'] as const) {
      const v = cell(f);
      if (v === undefined) continue;
      if (v.length > LIMITS[f]!) problem(n, f, 'too_long', v.slice(0, 60));
      const col = { name: 'name', description: 'description', supplier: 'supplier', externalId: 'external_id' }[f] as keyof AssetValues;
      (values as Record<string, unknown>)[col] = v || null;
    }
    if (column.name !== undefined && !values.name) problem(n, 'name', 'required', null);
    const externalId = values.external_id ?? null;
    // The asset this row updates: by Tillit id first (the export writes it), then by external id.
    let existing: KnownAsset | undefined;
    const tillitId = cell('tillitId');
    if (tillitId) {
      existing = refs.get(tillitId);
      if (!existing || existing.id !== tillitId) {
        problem(n, 'tillitId', 'unknown_tillit_id', tillitId);
        existing = undefined;
      }
    }
    if (externalId) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined) problem(n, 'externalId', 'duplicate_external_id', externalId, { row: first });
      else firstRowOf.set(externalId, n);
      const byExternal = refs.get(externalId);
      if (byExternal && byExternal.externalId === externalId) {
        if (existing && existing.id !== byExternal.id) problem(n, 'externalId', 'external_id_taken', externalId, { name: byExternal.name });
        existing ??= byExternal;
      }
      if (kind && kind !== 'information_set') processorRows.set(externalId, n);
    }
    // An empty or unmapped unit keeps an existing asset where it is; a new one gets the default unit.
    const unitRaw = cell('unit');
    const candidates = unitRaw
      ? unitsById.has(unitRaw)
        ? [unitsById.get(unitRaw)!]
        : (unitsByName.get(norm(unitRaw)) ?? [])
      : !existing && defaultUnit
        ? [defaultUnit]
        : null;
    if (candidates === null) {
      if (!existing) problem(n, 'unit', 'required', null);
    } else if (!candidates.length) problem(n, 'unit', 'unknown_unit', unitRaw ?? null);
    else if (candidates.length > 1) problem(n, 'unit', 'ambiguous_unit', unitRaw ?? null);
    else if (!lookups.mayWrite(candidates[0]!.path)) problem(n, 'unit', 'forbidden_unit', unitRaw || candidates[0]!.name);
    else values.unit_id = candidates[0]!.id;
    // Duplicates: the same kind, unit and name twice in the file, or a row without an id that names an
    // asset already in the inventory — that asset is updated instead of a second one created.
    const unitId = values.unit_id ?? existing?.unitId;
    if (kind && unitId && values.name) {
      const key = sameAssetKey(kind, unitId, values.name);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) problem(n, 'name', 'duplicate_name_in_file', values.name, { row: first });
      else firstRowOfKey.set(key, n);
      if (first === undefined && !existing && !tillitId) {
        const same = (byKey.get(key) ?? []).filter((a) => !a.externalId || !externalId || a.externalId === externalId);
        if (same.length > 1) problem(n, 'name', 'ambiguous_existing_asset', values.name, { count: same.length });
        else if (same.length === 1) {
          existing = same[0]!;
          if (matches.length < 1000) matches.push({ row: n, assetId: existing.id, name: existing.name, unitName: existing.unitName });
        }
      }
    }
    if (existing) {
      const first = firstRowOfAsset.get(existing.id);
      if (first !== undefined)
        problem(n, tillitId ? 'tillitId' : 'externalId', 'same_asset_twice', tillitId || externalId || values.name || null, { row: first });
      else firstRowOfAsset.set(existing.id, n);
      if (kind && existing.kind !== kind) problem(n, 'kind', 'kind_mismatch', kindRaw ?? kind);
      if (!lookups.mayWrite(existing.unitPath)) problem(n, 'unit', 'forbidden_unit', existing.unitName);
    }
    for (const [f, col] of [
      ['informationOwner', 'information_owner_id'],
      ['systemOwner', 'system_owner_id'],
      ['systemSteward', 'system_steward_id'],
    ] as const) {
      const v = cell(f);
      if (v === undefined) continue;
      values[col] = v ? personOf(v, n, f, values.unit_id ?? existing?.unitId ?? null) : null;
    }
    const enums = [
      ['hosting', 'hosting', null],
      ['thirdCountryTransfer', 'third_country_transfer', 'unknown'],
      ['personalData', 'personal_data', 'none'],
      ['lifecycle', 'lifecycle', 'in_use'],
    ] as const;
    for (const [f, col, fallback] of enums) {
      const v = cell(f);
      if (v === undefined) continue;
      const code = v ? enumValue(f, v) : fallback;
      if (v && !code) problem(n, f, 'unknown_value', v);
      (values as Record<string, unknown>)[col] = code;
    }
    for (const [f, col] of [
      ['tags', 'tags'],
      ['thirdCountries', 'third_countries'],
    ] as const) {
      const v = cell(f);
      if (v === undefined) continue;
      const items = list(v);
      if (items.some((t) => t.length > 60)) problem(n, f, 'too_long', v.slice(0, 60));
      values[col] = items;
    }
    const typeRaw = cell('informationType');
    if (typeRaw !== undefined) {
      if (typeRaw && kind && kind !== 'information_set') problem(n, 'informationType', 'information_type_only_for_sets', typeRaw);
      const typeId = typeRaw ? typesByWord.get(norm(typeRaw)) : null;
      if (typeRaw && !typeId) problem(n, 'informationType', 'unknown_information_type', typeRaw);
      if (kind === 'information_set') values.information_type_id = typeId ?? null;
    }
    const processedRaw = cell('processedBy');
    let processedBy: string[] | undefined;
    if (processedRaw !== undefined && kind === 'information_set') processedBy = list(processedRaw);
    else if (processedRaw && kind && kind !== 'information_set') problem(n, 'processedBy', 'link_not_allowed', processedRaw);
    if (problemCount === before && kind)
      plan.push({ row: n, kind, existingId: existing?.id ?? null, externalId, values, ...(processedBy ? { processedBy } : {}) });
  }

  // Links are checked last: a system may be further down the file than the sets it processes.
  // A set whose processor has problems has one too, so that only whole rows are written.
  const validRows = new Set(plan.map((p) => p.row));
  const badLinks = new Set<number>();
  for (const p of plan) {
    for (const ref of p.processedBy ?? []) {
      const inFile = processorRows.get(ref);
      const known = refs.get(ref);
      if (inFile !== undefined && !validRows.has(inFile)) {
        problem(p.row, 'processedBy', 'linked_row_has_problems', ref, { row: inFile });
        badLinks.add(p.row);
      } else if (inFile === undefined && !(known && known.kind !== 'information_set')) {
        problem(p.row, 'processedBy', 'unknown_linked_asset', ref);
        badLinks.add(p.row);
      } else if (inFile === undefined && known && !lookups.mayWrite(known.unitPath)) {
        // A link changes both ends (the system's levels follow the set's): write access on both.
        problem(p.row, 'processedBy', 'forbidden_linked_asset', ref);
        badLinks.add(p.row);
      }
    }
  }
  if (badLinks.size) plan.splice(0, plan.length, ...plan.filter((p) => !badLinks.has(p.row)));
  const links = plan.reduce((n, p) => n + (p.processedBy?.length ?? 0), 0);
  const byKind = { information_set: 0, system: 0, process: 0 };
  for (const p of plan) byKind[p.kind as keyof typeof byKind]++;
  problems.sort((a, b) => a.row - b.row);
  return {
    plan,
    report: {
      rows: sheet.rows.length,
      toCreate: plan.filter((p) => !p.existingId).length,
      toUpdate: plan.filter((p) => p.existingId).length,
      unchanged: 0,
      validRows: plan.length,
      byKind,
      links,
      problems,
      problemCount,
      matches,
      unknownPeople: [...unknownPeople.values()],
    },
  };
}

/**
 * Leaves out of the plan the rows that match an asset and would change nothing (an unchanged export
 * imported again has zero changes), and counts them. `current` are the matched assets' rows,
 * `processors` the current processing links of the matched sets.
 */
export function dropUnchanged(
  result: { plan: PlannedRow[]; report: ImportReport },
  current: Map<string, Record<string, unknown>>,
  processors: Map<string, Set<string>>,
  refs: Map<string, KnownAsset>,
): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const unchanged = (p: PlannedRow) => {
    const row = p.existingId ? current.get(p.existingId) : undefined;
    if (!row) return false;
    if (!Object.entries(p.values).every(([col, v]) => same(v, row[col]))) return false;
    if (!p.processedBy) return true;
    const now = processors.get(p.existingId!) ?? new Set<string>();
    const wanted = new Set(p.processedBy.map((ref) => refs.get(ref)?.id ?? `new:${ref}`));
    return wanted.size === now.size && [...wanted].every((id) => now.has(id));
  };
  const kept = result.plan.filter((p) => !unchanged(p));
  const dropped = result.plan.length - kept.length;
  if (!dropped) return;
  result.plan = kept;
  const byKind = { information_set: 0, system: 0, process: 0 };
  for (const p of kept) byKind[p.kind as keyof typeof byKind]++;
  Object.assign(result.report, {
    toUpdate: kept.filter((p) => p.existingId).length,
    unchanged: dropped,
    validRows: kept.length,
    byKind,
    links: kept.reduce((n, p) => n + (p.processedBy?.length ?? 0), 0),
  });
}
