import { assetImportVocabulary, importFields, messages, type ImportField, type ImportMapping, type ImportProblem, type ImportReport, type Locale } from '@tillit/core';
import { AppError } from '../../platform/errors.js';
import type { AssetValues } from '../assets/assets.repository.js';
import type { ParsedSheet } from './parse.js';

/** What the check needs to know about the organisation (loaded once per check). */
export interface Lookups {
  units: { id: string; name: string; path: string[] }[];
  users: { id: string; email: string }[];
  types: { id: string; key: string; name: string }[];
  /** Existing assets by external id. */
  existing: Map<string, { id: string; kind: string; unitPath: string[]; unitName: string }>;
  /** May the importing user place assets on a unit with this path? */
  mayWrite: (unitPath: string[]) => boolean;
}

export interface PlannedRow {
  row: number;
  kind: string;
  existingId: string | null;
  externalId: string | null;
  values: AssetValues;
  /** Information sets: external ids of the systems/processes processing it (replaces the links) when mapped. */
  processedBy?: string[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
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

function enumValue(field: EnumField, raw: string): string | null {
  const table = assetImportVocabulary.values[field] as Record<string, string[]>;
  const v = norm(raw);
  for (const [code, words] of Object.entries(table)) if (code === v || words.some((w) => norm(w) === v)) return code;
  return null;
}

const list = (raw: string) => [...new Set(raw.split(/[;,\n]/).map((s) => s.trim()).filter(Boolean))];

/** Checks every row against the mapping and the organisation; nothing is written. */
export function planImport(sheet: ParsedSheet, mapping: ImportMapping, lookups: Lookups, locale: Locale): { plan: PlannedRow[]; report: ImportReport } {
  const column: Partial<Record<ImportField, number>> = {};
  for (const [field, header] of Object.entries(mapping.mapping) as [ImportField, string][]) {
    const i = sheet.headers.findIndex((h) => norm(h) === norm(header));
    if (i < 0) throw new AppError('import_unknown_column', { field, column: header });
    column[field] = i;
  }
  const missing: { path: string[]; code: string; message: string }[] = [];
  if (column.name === undefined) missing.push({ path: ['body', 'mapping', 'name'], code: 'required', message: 'name must be mapped' });
  if (column.kind === undefined && !mapping.defaultKind) missing.push({ path: ['body', 'mapping', 'kind'], code: 'required', message: 'map kind or give defaultKind' });
  if (column.unit === undefined && !mapping.defaultUnitId) missing.push({ path: ['body', 'mapping', 'unit'], code: 'required', message: 'map unit or give defaultUnitId' });
  if (missing.length) throw new AppError('validation_failed', { issues: missing });

  const texts = messages[locale].importProblems as Record<string, string>;
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const problem = (row: number, field: ImportField | null, code: string, value: string | null, params: Record<string, string | number> = {}) => {
    problemCount++;
    if (problems.length >= 1000) return;
    const message = (texts[code] ?? code).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
    problems.push({ row, field, column: field && column[field] !== undefined ? sheet.headers[column[field]!]! : null, code, message, value });
  };

  const unitsById = new Map(lookups.units.map((u) => [u.id, u]));
  const unitsByName = new Map<string, (typeof lookups.units)[number][]>();
  for (const u of lookups.units) unitsByName.set(norm(u.name), [...(unitsByName.get(norm(u.name)) ?? []), u]);
  const usersByEmail = new Map(lookups.users.map((u) => [u.email.toLowerCase(), u.id]));
  const typesByWord = new Map<string, string>();
  for (const t of lookups.types) {
    typesByWord.set(norm(t.name), t.id);
    typesByWord.set(t.key, t.id);
  }
  const defaultUnit = mapping.defaultUnitId ? unitsById.get(mapping.defaultUnitId) : undefined;
  if (mapping.defaultUnitId && !defaultUnit) throw new AppError('unknown_unit', { field: 'defaultUnitId' });

  const plan: PlannedRow[] = [];
  const firstRowOf = new Map<string, number>();
  const processorsInFile = new Set<string>();

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
    let existingId: string | null = null;
    if (externalId) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined) problem(n, 'externalId', 'duplicate_external_id', externalId, { row: first });
      else firstRowOf.set(externalId, n);
      const existing = lookups.existing.get(externalId);
      if (existing) {
        existingId = existing.id;
        if (kind && existing.kind !== kind) problem(n, 'kind', 'kind_mismatch', kindRaw ?? kind);
        if (!lookups.mayWrite(existing.unitPath)) problem(n, 'unit', 'forbidden_unit', existing.unitName);
      }
      if (kind && kind !== 'information_set') processorsInFile.add(externalId);
    }
    // An empty or unmapped unit keeps an existing asset where it is; a new one gets the default unit.
    const unitRaw = cell('unit');
    const candidates = unitRaw ? (unitsById.has(unitRaw) ? [unitsById.get(unitRaw)!] : (unitsByName.get(norm(unitRaw)) ?? [])) : !existingId && defaultUnit ? [defaultUnit] : null;
    if (candidates === null) {
      if (!existingId) problem(n, 'unit', 'required', null);
    } else if (!candidates.length) problem(n, 'unit', 'unknown_unit', unitRaw ?? null);
    else if (candidates.length > 1) problem(n, 'unit', 'ambiguous_unit', unitRaw ?? null);
    else if (!lookups.mayWrite(candidates[0]!.path)) problem(n, 'unit', 'forbidden_unit', unitRaw || candidates[0]!.name);
    else values.unit_id = candidates[0]!.id;
    for (const [f, col] of [['informationOwner', 'information_owner_id'], ['systemOwner', 'system_owner_id'], ['systemSteward', 'system_steward_id']] as const) {
      const v = cell(f);
      if (v === undefined) continue;
      const id = v ? usersByEmail.get(v.toLowerCase()) : null;
      if (v && !id) problem(n, f, 'unknown_user', v);
      values[col] = id ?? null;
    }
    const enums = [['hosting', 'hosting', null], ['thirdCountryTransfer', 'third_country_transfer', 'unknown'], ['personalData', 'personal_data', 'none'], ['lifecycle', 'lifecycle', 'in_use']] as const;
    for (const [f, col, fallback] of enums) {
      const v = cell(f);
      if (v === undefined) continue;
      const code = v ? enumValue(f, v) : fallback;
      if (v && !code) problem(n, f, 'unknown_value', v);
      (values as Record<string, unknown>)[col] = code;
    }
    for (const [f, col] of [['tags', 'tags'], ['thirdCountries', 'third_countries']] as const) {
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
    if (problemCount === before && kind) plan.push({ row: n, kind, existingId, externalId, values, ...(processedBy ? { processedBy } : {}) });
  }

  // Links are checked last: a system may be further down the file than the sets it processes.
  let links = 0;
  for (const p of plan) {
    for (const ref of p.processedBy ?? []) {
      const existing = lookups.existing.get(ref);
      if (!processorsInFile.has(ref) && !(existing && existing.kind !== 'information_set')) problem(p.row, 'processedBy', 'unknown_linked_asset', ref);
      // A link changes both ends (the system's levels follow the set's): write access on both.
      else if (!processorsInFile.has(ref) && existing && !lookups.mayWrite(existing.unitPath)) problem(p.row, 'processedBy', 'forbidden_linked_asset', ref);
      else links++;
    }
  }
  const byKind = { information_set: 0, system: 0, process: 0 };
  for (const p of plan) byKind[p.kind as keyof typeof byKind]++;
  problems.sort((a, b) => a.row - b.row);
  return {
    plan,
    report: { rows: sheet.rows.length, toCreate: plan.filter((p) => !p.existingId).length, toUpdate: plan.filter((p) => p.existingId).length, byKind, links, problems, problemCount },
  };
}
