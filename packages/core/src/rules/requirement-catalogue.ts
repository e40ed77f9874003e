import type { z } from 'zod';
import { aspectKeys } from './aspects.js';
import type { Localized } from '../schemas/classification-model.js';
import {
  catalogueRequirement,
  requirementCatalogueFile,
  type CatalogueProblem,
  type RequirementCatalogueFile,
} from '../schemas/requirement-catalogue.js';

/**
 * Validation of a catalogue file before anything is stored: the shape (zod) and the checks across
 * rows (unique ids, known themes, controls, triggers and laws, levels inside the classification
 * model). Every problem names its requirement row and field, so an import can be fixed row by row.
 */
export interface CatalogueContext {
  /** ISO/IEC 27002:2022 control numbers (the 93). */
  controls: ReadonlySet<string>;
  triggers: ReadonlySet<string>;
  laws: ReadonlySet<string>;
  /** Highest minimum level allowed: the level below the model's special-analysis level (3 in the shipped model). */
  maxLevel: number;
  /** Lowest minimum level allowed (1: a requirement that applies from 0 has an empty appliesAt instead). */
  minLevel?: number;
}

export type CatalogueValidation =
  { ok: true; catalogue: RequirementCatalogueFile; problems: [] } | { ok: false; catalogue: null; problems: CatalogueProblem[] };

const msg = (sv: string, en: string): Localized => ({ sv, en });

function rowOf(path: readonly PropertyKey[]): number | null {
  return path[0] === 'requirements' && typeof path[1] === 'number' ? path[1] + 1 : null;
}

function fieldOf(path: readonly PropertyKey[]): string {
  const rest = rowOf(path) === null ? path : path.slice(2);
  return rest.map(String).join('.') || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): string | null {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  if (v === undefined || v === null) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function requirementIdAt(input: unknown, row: number | null): string | null {
  if (row === null) return null;
  const id = valueAt(input, ['requirements', row - 1, 'id']);
  return id;
}

function shapeProblems(input: unknown, error: z.ZodError): CatalogueProblem[] {
  return error.issues.map((issue) => {
    const row = rowOf(issue.path);
    const field = fieldOf(issue.path);
    return {
      row,
      requirementId: requirementIdAt(input, row),
      field,
      code: 'invalid_value' as const,
      message: msg(`Fältet ${field} har ett ogiltigt värde: ${issue.message}`, `The field ${field} has an invalid value: ${issue.message}`),
      value: valueAt(input, issue.path),
    };
  });
}

export function validateCatalogue(input: unknown, ctx: CatalogueContext): CatalogueValidation {
  // The head and each requirement are parsed on their own, so one bad row does not hide the
  // problems of the others, and the cross-row checks still run over every row that parsed.
  const parsed = requirementCatalogueFile.safeParse(input);
  if (!parsed.success) {
    const problems = shapeProblems(input, parsed.error);
    const rows = (input as { requirements?: unknown } | null)?.requirements;
    if (Array.isArray(rows)) {
      const good = rows.filter((r) => catalogueRequirement.safeParse(r).success);
      const head = { ...(input as object), requirements: good.length ? good : rows };
      const rest = requirementCatalogueFile.safeParse(head);
      if (rest.success) {
        const rowOfGood = rows
          .map((r, i) => (catalogueRequirement.safeParse(r).success ? i + 1 : null))
          .filter((n): n is number => n !== null);
        problems.push(...crossRowProblems(rest.data, ctx, rowOfGood));
        problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      }
    }
    return { ok: false, catalogue: null, problems };
  }
  const problems = crossRowProblems(parsed.data, ctx);
  return problems.length === 0 ? { ok: true, catalogue: parsed.data, problems: [] } : { ok: false, catalogue: null, problems };
}

/** `rowNumbers[i]`: the row requirement i came from (when rows that failed to parse were left out). */
function crossRowProblems(c: RequirementCatalogueFile, ctx: CatalogueContext, rowNumbers?: readonly number[]): CatalogueProblem[] {
  const minLevel = ctx.minLevel ?? 1;
  const problems: CatalogueProblem[] = [];
  const add = (
    row: number | null,
    requirementId: string | null,
    field: string,
    code: CatalogueProblem['code'],
    message: Localized,
    value: string | null,
  ) => problems.push({ row, requirementId, field, code, message, value });

  const themes = new Set<string>();
  c.themes.forEach((t, i) => {
    if (themes.has(t.code))
      add(null, null, `themes.${i}.code`, 'duplicate_theme', msg(`Temat ${t.code} finns redan.`, `Theme ${t.code} appears twice.`), t.code);
    themes.add(t.code);
  });

  const firstRowOf = new Map<string, number>();
  c.requirements.forEach((r, i) => {
    const row = rowNumbers?.[i] ?? i + 1;
    const at = (field: string, code: CatalogueProblem['code'], m: Localized, value: string | null) => add(row, r.id, field, code, m, value);
    const first = firstRowOf.get(r.id);
    if (first !== undefined) {
      at(
        'id',
        'duplicate_requirement_id',
        msg(`Kravet ${r.id} finns redan på rad ${first}.`, `Requirement ${r.id} already appears on row ${first}.`),
        r.id,
      );
    } else firstRowOf.set(r.id, row);
    if (!themes.has(r.theme)) at('theme', 'unknown_theme', msg(`Okänt tema: ${r.theme}.`, `Unknown theme: ${r.theme}.`), r.theme);
    for (const a of aspectKeys) {
      const level = r.appliesAt[a];
      if (typeof level === 'number' && (level < minLevel || level > ctx.maxLevel)) {
        at(
          `appliesAt.${a}`,
          'level_out_of_range',
          msg(
            `Nivån ${level} ligger utanför klassningsmodellen (${minLevel}–${ctx.maxLevel}).`,
            `Level ${level} is outside the classification model (${minLevel}–${ctx.maxLevel}).`,
          ),
          String(level),
        );
      }
    }
    r.triggers.forEach((t, j) => {
      if (!ctx.triggers.has(t)) at(`triggers.${j}`, 'unknown_trigger', msg(`Okänd lagutlösare: ${t}.`, `Unknown law trigger: ${t}.`), t);
    });
    r.references.forEach((ref, j) => {
      if (ref.kind === 'iso27002' && !ctx.controls.has(ref.control)) {
        at(
          `references.${j}.control`,
          'unknown_control',
          msg(
            `Okänt kontrollnummer ${ref.control}: ISO/IEC 27002:2022 har 5.1–5.37, 6.1–6.8, 7.1–7.14 och 8.1–8.34.`,
            `Unknown control number ${ref.control}: ISO/IEC 27002:2022 has 5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34.`,
          ),
          ref.control,
        );
      }
      if (ref.kind === 'law' && !ctx.laws.has(ref.law))
        at(`references.${j}.law`, 'unknown_law', msg(`Okänd författning: ${ref.law}.`, `Unknown law: ${ref.law}.`), ref.law);
    });
  });
  return problems;
}

/** Control numbers referenced by a catalogue, for the coverage check and the statement of applicability. */
export function referencedControls(catalogue: Pick<RequirementCatalogueFile, 'requirements'>): Set<string> {
  const out = new Set<string>();
  for (const r of catalogue.requirements) for (const ref of r.references) if (ref.kind === 'iso27002') out.add(ref.control);
  return out;
}
