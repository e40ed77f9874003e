import { describe, expect, it } from 'vitest';
import { messages } from '@tillit/core/messages';

/*
 * One Swedish word per state, wherever it is shown: the web app's Swedish files, core's texts (errors,
 * mail, the `states` the export and the audit log read) and the server's notification and dashboard
 * texts. Core's `states` is the one place the labels are decided; everything else must agree with it.
 */
const web = import.meta.glob<{ default: Record<string, unknown> }>('./sv/*.json', { eager: true });
const server = import.meta.glob<{ default: unknown }>('../../../server/src/modules/*/{notification-kinds,dashboard}.json', { eager: true });

type Leaf = { where: string; key: string; text: string };

function leaves(value: unknown, where: string, out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') out.push({ where, key: where.split('.').pop()!, text: value });
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, `${where}.${k}`, out);
  return out;
}

const swedish: Leaf[] = [
  ...Object.entries(web).flatMap(([file, m]) => leaves(m.default, `web:${file.replace(/^.*\/(.*)\.json$/, '$1')}`)),
  ...leaves(messages.sv, 'core'),
  // Only the Swedish texts of the server's files (they hold both languages side by side).
  ...Object.entries(server).flatMap(([file, m]) =>
    leaves(m.default, `server:${file.split('/').slice(-2).join('/')}`).filter((l) => !/\.en\./.test(l.where)),
  ),
];

/** Groups whose entries are state labels, keyed by state code. */
const STATE_GROUPS = /\.(reviewStates|statuses|workStatuses|classificationStatuses)\.[^.]+$/;
const states = messages.sv.states;

describe('one Swedish label per state', () => {
  it('uses one label per state key across every Swedish resource', () => {
    const byKey = new Map<string, Map<string, string[]>>();
    for (const l of swedish.filter((l) => STATE_GROUPS.test(l.where) || l.key === 'reviewDueAt')) {
      const labels = byKey.get(l.key) ?? new Map<string, string[]>();
      labels.set(l.text, [...(labels.get(l.text) ?? []), l.where]);
      byKey.set(l.key, labels);
    }
    const conflicts = [...byKey]
      .filter(([, labels]) => labels.size > 1)
      .map(([key, labels]) => `${key}: ${[...labels].map(([text, where]) => `"${text}" (${where.join(', ')})`).join(' vs ')}`);
    expect(conflicts).toEqual([]);
    // The check has something to compare: the web's and core's status labels are both in it.
    expect(byKey.get('submitted')?.values().next().value?.length).toBeGreaterThan(1);
  });

  it('takes the labels decided in core’s states', () => {
    const expected: Record<string, string> = { ...states.reviewStates, ...states.classificationStatuses, reviewDueAt: states.reviewDueAt };
    const differing = swedish.filter(
      (l) => (STATE_GROUPS.test(l.where) || l.key === 'reviewDueAt') && expected[l.key] !== undefined && l.text !== expected[l.key],
    );
    expect(differing.map((l) => `${l.where}: "${l.text}", not "${expected[l.key]}"`)).toEqual([]);
  });

  it('never calls the list of assets an "inventarie", nor uses the replaced words', () => {
    // "Inventarie" is one piece of equipment; the list is the (tillgångs)förteckning.
    const replaced = [/inventari/i, /förfallen/i, /tillbakaskickad/i, /giltig till/i, /ses över/i, /setts över/i, /kasta utkast/i];
    const found = swedish.filter((l) => replaced.some((r) => r.test(l.text))).map((l) => `${l.where}: ${l.text}`);
    expect(found).toEqual([]);
    expect(swedish.length).toBeGreaterThan(500);
  });
});
