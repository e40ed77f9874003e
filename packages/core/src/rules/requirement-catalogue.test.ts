import { describe, expect, it } from 'vitest';
import { referencedControls, validateCatalogue } from './requirement-catalogue.js';
import { annexAControls, baseCatalogue, catalogueContext, lawVocabulary, triggerVocabulary } from '../data/requirement-catalogues.js';
import { aspectKeys } from './aspects.js';

const ctx = catalogueContext();
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('the shipped base catalogue', () => {
  it('is valid against the shipped model, controls, triggers and laws', () => {
    expect(validateCatalogue(baseCatalogue, ctx).problems).toEqual([]);
  });

  it('has no duplicate ids, every level inside the model and every trigger known', () => {
    const ids = baseCatalogue.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const triggers = new Set(triggerVocabulary.triggers.map((t) => t.code));
    for (const r of baseCatalogue.requirements) {
      for (const a of aspectKeys) {
        const min = r.appliesAt[a];
        if (typeof min === 'number') expect(min, `${r.id} ${a}`).toBeGreaterThanOrEqual(1);
        if (typeof min === 'number') expect(min, `${r.id} ${a}`).toBeLessThanOrEqual(3);
      }
      for (const t of r.triggers) expect(triggers.has(t), `${r.id} ${t}`).toBe(true);
    }
  });

  it('ships the 93 Annex A controls once each, in the four themes', () => {
    const numbers = annexAControls.controls.map((c) => c.control);
    expect(new Set(numbers).size).toBe(93);
    const expected = [
      ...Array.from({ length: 37 }, (_, i) => `5.${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `6.${i + 1}`),
      ...Array.from({ length: 14 }, (_, i) => `7.${i + 1}`),
      ...Array.from({ length: 34 }, (_, i) => `8.${i + 1}`),
    ];
    expect(numbers).toEqual(expected);
  });

  it('has at least 120 requirements and references every one of the 93 controls', () => {
    expect(baseCatalogue.requirements.length).toBeGreaterThanOrEqual(120);
    const referenced = referencedControls(baseCatalogue);
    expect(annexAControls.controls.filter((c) => !referenced.has(c.control)).map((c) => c.control)).toEqual([]);
  });

  it('gives every requirement all four texts in Swedish and English, and at least one reference', () => {
    for (const r of baseCatalogue.requirements) {
      for (const t of [r.title, r.statement, r.procurement, r.guidance]) expect(t.en, r.id).toBeTruthy();
      expect(r.references.length, r.id).toBeGreaterThan(0);
    }
  });

  it('names every law it refers to in the law list', () => {
    const laws = new Set(lawVocabulary.laws.map((l) => l.code));
    for (const r of baseCatalogue.requirements)
      for (const ref of r.references) if (ref.kind === 'law') expect(laws.has(ref.law)).toBe(true);
    expect(referencedControls(baseCatalogue).size).toBeGreaterThan(0);
  });
});

describe('validateCatalogue: row-level problems', () => {
  it('names the row, requirement and field of an unknown control number', () => {
    const c = clone(baseCatalogue);
    c.requirements[1]!.references = [{ kind: 'iso27002', control: '5.38' }];
    const r = validateCatalogue(c, ctx);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        row: 2,
        requirementId: c.requirements[1]!.id,
        field: 'references.0.control',
        code: 'unknown_control',
        value: '5.38',
      }),
    ]);
    expect(r.problems[0]!.message.sv).toContain('5.38');
  });

  it('reports a duplicate id on the later row and names the first', () => {
    const c = clone(baseCatalogue);
    c.requirements[2]!.id = c.requirements[0]!.id;
    const r = validateCatalogue(c, ctx);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, field: 'id', code: 'duplicate_requirement_id' })]);
    expect(r.problems[0]!.message.en).toContain('row 1');
  });

  it('refuses a level outside the model and level 4 (säkerhetsskydd generates no requirements)', () => {
    const c = clone(baseCatalogue);
    c.requirements[0]!.appliesAt = { C: 4, I: 0 };
    const r = validateCatalogue(c, ctx);
    expect(r.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'appliesAt.C', 'level_out_of_range'],
      [1, 'appliesAt.I', 'level_out_of_range'],
    ]);
    // A model with more levels allows more.
    expect(validateCatalogue(c, { ...ctx, maxLevel: 5, minLevel: 0 }).ok).toBe(true);
  });

  it('reports unknown themes, triggers and laws', () => {
    const c = clone(baseCatalogue);
    c.requirements[0]!.theme = 'NOPE';
    c.requirements[0]!.triggers = ['bogus'];
    c.requirements[0]!.references = [{ kind: 'law', law: 'lex-nowhere' }];
    const codes = validateCatalogue(c, ctx).problems.map((p) => p.code);
    expect(codes).toEqual(['unknown_theme', 'unknown_trigger', 'unknown_law']);
  });

  it('reports shape errors by row and field without throwing', () => {
    const c = clone(baseCatalogue) as unknown as { requirements: Record<string, unknown>[] };
    c.requirements[4]!.id = 'lower case';
    delete c.requirements[5]!.statement;
    const r = validateCatalogue(c, ctx);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([
      [5, 'id'],
      [6, 'statement'],
    ]);
    // The rows that parsed are still checked against each other.
    c.requirements[7]!.id = c.requirements[0]!.id as string;
    c.requirements[8]!.references = [{ kind: 'iso27002', control: '9.1' }];
    const both = validateCatalogue(c, ctx);
    expect(both.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [5, 'id', 'invalid_value'],
      [6, 'statement', 'invalid_value'],
      [8, 'id', 'duplicate_requirement_id'],
      [9, 'references.0.control', 'unknown_control'],
    ]);
    expect(both.problems[2]!.message.sv).toContain('rad 1');
    expect(validateCatalogue('not a catalogue', ctx).problems[0]).toMatchObject({ row: null, code: 'invalid_value' });
  });

  it('names each shape problem by row, requirement id, field and the value given, shortened when long', () => {
    const c = clone(baseCatalogue) as unknown as { version: unknown; requirements: Record<string, unknown>[] };
    const sixth = c.requirements[5]!.id as string;
    c.requirements[4]!.id = 'lower case';
    delete c.requirements[5]!.statement;
    c.requirements[6]!.title = 'x'.repeat(300);
    c.requirements[7]!.guidance = { sv: 42, en: 'ok' };
    c.version = 7;
    const r = validateCatalogue(c, ctx);
    const shown = r.problems.map((p) => ({ row: p.row, id: p.requirementId, field: p.field, value: p.value }));
    expect(shown).toContainEqual({ row: 5, id: 'lower case', field: 'id', value: 'lower case' });
    expect(shown).toContainEqual({ row: 6, id: sixth, field: 'statement', value: null });
    expect(shown).toContainEqual({ row: 7, id: c.requirements[6]!.id, field: 'title', value: `${'x'.repeat(200)}…` });
    expect(shown).toContainEqual({ row: 8, id: c.requirements[7]!.id, field: 'guidance.sv', value: '42' });
    expect(shown).toContainEqual({ row: null, id: null, field: 'version', value: '7' });
    // A value of exactly 200 characters is shown whole.
    c.requirements[6]!.title = 'y'.repeat(200);
    const exact = validateCatalogue(c, ctx).problems.find((p) => p.row === 7);
    expect(exact?.value).toBe('y'.repeat(200));
    // Something that is not a catalogue at all is one problem at the root, with no row.
    expect(validateCatalogue(null, ctx).problems[0]).toMatchObject({ row: null, requirementId: null, field: '(root)', value: null });
  });
});
