import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedTransitions,
  canTransition,
  canVerify,
  measureDueState,
  measureLinkHref,
  measureLinkTypes,
  statusAfterVerification,
  stockholmToday,
} from './rules.js';

describe('measure rules (from workflow.json and link-types.json)', () => {
  it('allows only the transitions the data lists; verified only through a verification of a done measure', () => {
    expect(allowedTransitions('planned')).toEqual(['in_progress', 'done', 'cancelled']);
    expect(canTransition('done', 'verified')).toBe(false);
    expect(canTransition('cancelled', 'planned')).toBe(true);
    expect(canTransition('verified', 'done')).toBe(false);
    expect(canVerify('done')).toBe(true);
    expect(canVerify('in_progress')).toBe(false);
    expect(canVerify('verified')).toBe(false);
  });

  it('reopens a measure that is not (or only partly) effective', () => {
    expect(statusAfterVerification('effective')).toBe('verified');
    expect(statusAfterVerification('partly')).toBe('in_progress');
    expect(statusAfterVerification('not_effective')).toBe('in_progress');
  });

  it('calls open measures overdue the day after their due date and due soon within 14 days', () => {
    expect(measureDueState('planned', '2026-03-01', '2026-03-02')).toBe('overdue');
    expect(measureDueState('in_progress', '2026-03-02', '2026-03-02')).toBe('due_soon');
    expect(measureDueState('planned', '2026-03-16', '2026-03-02')).toBe('due_soon');
    expect(measureDueState('planned', '2026-03-17', '2026-03-02')).toBe('on_track');
    expect(measureDueState('done', '2020-01-01', '2026-03-02')).toBe('closed');
    expect(measureDueState('cancelled', '2020-01-01', '2026-03-02')).toBe('closed');
  });

  it('counts calendar days across month ends and DST, and takes today in Stockholm', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(stockholmToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(stockholmToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('builds the link to what a measure answers from its type, and none without a page or a context', () => {
    expect(measureLinkHref('plan_requirement', 'r1', 'p1')).toBe('/plans/p1#requirement-r1');
    expect(measureLinkHref('plan_requirement', 'r1', null)).toBeNull();
    expect(measureLinkHref('contract_finding', 'f1', 'p1')).toBeNull();
    expect(measureLinkHref('nonsense', 'x', null)).toBeNull();
    expect(new Set(measureLinkTypes.map((t) => t.key)).size).toBe(measureLinkTypes.length);
    for (const t of measureLinkTypes) expect(t.label.sv && t.label.en, t.key).toBeTruthy();
  });
});
