import { describe, expect, it } from 'vitest';
import { diffPlans, isStale, planProgress } from './rules.js';

describe('action plan rules', () => {
  it('diffPlans: added, changed, unchanged and removed by key and fingerprint', () => {
    const d = diffPlans(
      [
        { key: 'A', fingerprint: '1' },
        { key: 'B', fingerprint: '1' },
        { key: 'C', fingerprint: '1' },
      ],
      [
        { key: 'A', fingerprint: '1' },
        { key: 'B', fingerprint: '2' },
        { key: 'D', fingerprint: '1' },
      ],
    );
    expect([...d.changes]).toEqual([
      ['A', 'unchanged'],
      ['B', 'changed'],
      ['D', 'added'],
    ]);
    expect(d.removed).toEqual(['C']);
  });

  it('planProgress: shares of the applicable requirements', () => {
    const p = planProgress(['met', 'met', 'partly_met', 'not_met', 'not_applicable', null]);
    expect(p).toMatchObject({
      total: 6,
      assessed: 5,
      met: 2,
      partlyMet: 1,
      notMet: 1,
      notApplicable: 1,
      metShare: 40,
      partlyMetShare: 20,
      notMetShare: 20,
      unassessedShare: 20,
    });
    expect(planProgress(['not_applicable'])).toMatchObject({ metShare: 0, unassessedShare: 0 });
    expect(planProgress([])).toMatchObject({ total: 0, metShare: 0 });
  });

  it('isStale: an answer older than the interval; no answer is open, not stale', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    expect(isStale(new Date('2026-06-01T00:00:00Z'), now, 12)).toBe(true);
    expect(isStale(new Date('2026-06-02T00:00:00Z'), now, 12)).toBe(false);
    expect(isStale(null, now, 12)).toBe(false);
  });
});
