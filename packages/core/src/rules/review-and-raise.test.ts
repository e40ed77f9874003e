import type { Answer } from './classification.js';
import { describe, expect, it } from 'vitest';
import { klassaPresetModel } from '../data/presets.js';
import {
  DUE_SOON_DAYS,
  NOT_RELEVANT,
  defaultReviewDue,
  derive,
  levelIssues,
  raiseIssues,
  reviewStateOf,
  submissionIssues,
} from './classification.js';

/**
 * The boundaries of the review dates and of raises, one case on each side: these are the places
 * where a `<` written as `<=` (or a condition dropped) changes what people are told.
 */
const model = klassaPresetModel;
const DAY = 86_400_000;

describe('review state at its boundaries', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('is due soon (not overdue) on the review instant itself, and overdue a moment after', () => {
    expect(reviewStateOf(at(0), now)).toBe('due_soon');
    expect(reviewStateOf(at(-1), now)).toBe('overdue');
    expect(reviewStateOf(at(1), now)).toBe('due_soon');
  });

  it('is due soon up to and including the last day of the window, valid after it', () => {
    expect(DUE_SOON_DAYS).toBe(30);
    expect(reviewStateOf(at(30 * DAY), now)).toBe('due_soon');
    expect(reviewStateOf(at(30 * DAY + 1), now)).toBe('valid');
    expect(reviewStateOf(at(30 * DAY - 1), now)).toBe('due_soon');
  });

  it('takes the window from the caller, and dates as text or as Date alike', () => {
    expect(reviewStateOf(at(10 * DAY), now, 7)).toBe('valid');
    expect(reviewStateOf(at(10 * DAY), now, 14)).toBe('due_soon');
    expect(reviewStateOf(at(7 * DAY).toISOString(), now, 7)).toBe('due_soon');
    expect(reviewStateOf(at(-DAY).toISOString(), now)).toBe('overdue');
    expect(reviewStateOf(undefined, now)).toBe('missing');
    expect(reviewStateOf('', now)).toBe('missing');
  });

  it('counts from the current time when no day is given', () => {
    expect(reviewStateOf(new Date(Date.now() + 365 * DAY))).toBe('valid');
    expect(reviewStateOf(new Date(Date.now() - DAY))).toBe('overdue');
  });
});

describe('default review date', () => {
  it('adds the model’s months in UTC and leaves the approval date as it was', () => {
    const approved = new Date('2026-01-15T08:30:00Z');
    expect(defaultReviewDue(approved, 12).toISOString()).toBe('2027-01-15T08:30:00.000Z');
    expect(defaultReviewDue(approved, 6).toISOString()).toBe('2026-07-15T08:30:00.000Z');
    expect(defaultReviewDue(approved, 0).toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(approved.toISOString()).toBe('2026-01-15T08:30:00.000Z');
  });
});

describe('raises at their boundaries', () => {
  const inherited = { C: 2, I: 2, A: 2, T: 2 };
  const reason = 'Aggregering av många verksamheter.';

  it('accepts a raise to exactly the derived level, which is then not a raise', () => {
    const raises = { A: { level: 2, reason } };
    const d = derive(model, { inherited, raises });
    expect(raiseIssues(d, raises)).toEqual([]);
    expect(d.aspects.A).toMatchObject({ proposed: 2, raised: 2, final: 2 });
    expect(d.aspects.A.sources).not.toContain('raise');
  });

  it('refuses a raise one level below the derived level', () => {
    const raises = { A: { level: 1, reason } };
    expect(raiseIssues(derive(model, { inherited, raises }), raises)).toEqual([
      { path: ['raises', 'A', 'level'], code: 'level_below_derived', params: { derived: 2 } },
    ]);
  });

  it('sets the level alone when nothing else proposes one, and says it came from the raise', () => {
    const raises = { A: { level: 1, reason } };
    const d = derive(model, { raises });
    expect(d.aspects.A).toMatchObject({ proposed: null, raised: 1, final: 1 });
    expect(d.aspects.A.sources).toEqual(['raise']);
    expect(raiseIssues(d, raises)).toEqual([]);
  });

  it('needs a reason on every raised aspect, and reports each one', () => {
    const raises = { C: { level: 3, reason: '' }, A: { level: 1, reason: ' ' }, I: { level: 3, reason } };
    expect(raiseIssues(derive(model, { inherited, raises }), raises)).toEqual([
      { path: ['raises', 'C', 'reason'], code: 'raise_reason_required' },
      { path: ['raises', 'A', 'level'], code: 'level_below_derived', params: { derived: 2 } },
      { path: ['raises', 'A', 'reason'], code: 'raise_reason_required' },
    ]);
    expect(raiseIssues(derive(model, { inherited }), null)).toEqual([]);
    expect(raiseIssues(derive(model, { inherited }), { C: null })).toEqual([]);
  });

  it('stops a submission whose raise lacks a reason', () => {
    const raises = { A: { level: 3, reason: '' } };
    const codes = submissionIssues(model, { inherited, raises, justifications: { C: 'x', I: 'x', A: 'x', T: 'x' } }).map((i) => i.code);
    expect(codes).toContain('raise_reason_required');
  });
});

describe('levels at the edges of the model', () => {
  const reason = 'Skäl.';
  const max = model.levels.length - 1;

  it('accepts 0 and the highest level, and refuses one past either end, for answers and raises alike', () => {
    expect(
      // The highest level is säkerhetsskydd's: reachable only for information marked so.
      levelIssues(model, {
        answers: { C: { privacy: 0, life_health: max } },
        raises: { A: { level: 0, reason }, I: { level: max, reason } },
        securityProtection: true,
      }),
    ).toEqual([]);
    expect(levelIssues(model, { answers: { C: { privacy: -1, life_health: max + 1 } } }).map((i) => i.path.join('.'))).toEqual([
      'answers.C.privacy',
      'answers.C.life_health',
    ]);
    expect(
      levelIssues(model, { raises: { A: { level: -1, reason }, I: { level: max + 1, reason } } }).map((i) => i.path.join('.')),
    ).toEqual(['raises.I.level', 'raises.A.level']);
  });
});

describe('submission needs texts with content', () => {
  const all = (levels: Record<string, number>): Record<string, Answer> =>
    Object.fromEntries(model.categories.map((c) => [c.key, levels[c.key] ?? NOT_RELEVANT]));
  const answers = { C: all({ privacy: 3 }), I: all({ life_health: 3 }), A: all({ operations: 3 }), T: all({ legal: 3 }) };
  const filled = { C: 'Skäl.', I: 'Skäl.', A: 'Skäl.', T: 'Skäl.' };

  it('refuses justifications of only spaces, and accepts written ones', () => {
    expect(submissionIssues(model, { answers, justifications: filled })).toEqual([]);
    expect(submissionIssues(model, { answers, justifications: { ...filled, A: '   ' } }).map((i) => i.path.join('.'))).toEqual([
      'justifications.A',
    ]);
    expect(submissionIssues(model, { answers }).map((i) => i.code)).toEqual([
      'justification_required',
      'justification_required',
      'justification_required',
      'justification_required',
    ]);
  });

  it('refuses a deviation from the information type without a reason, or with spaces only', () => {
    const typeRecommended = { C: 2, I: 2, A: 2, T: 2 };
    const codes = (typeDeviationReason?: string) =>
      submissionIssues(model, { answers, justifications: filled, typeRecommended, typeDeviationReason }).map((i) => i.code);
    expect(codes()).toEqual(['type_deviation_reason_required']);
    expect(codes('  ')).toEqual(['type_deviation_reason_required']);
    expect(codes('Fler patienter än typen räknar med.')).toEqual([]);
  });

  it('asks nothing of an aspect the model has switched off', () => {
    const noT = { ...model, aspects: model.aspects.map((a) => (a.key === 'T' ? { ...a, enabled: false } : a)) };
    expect(
      submissionIssues(noT, { answers: { C: answers.C, I: answers.I, A: answers.A }, justifications: { C: 'x', I: 'x', A: 'x' } }),
    ).toEqual([]);
  });
});
