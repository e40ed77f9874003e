import { describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.js';
import { auditVocabulary, commonAuditVocabulary, mergeAuditVocabularies, type AuditField, type Labels } from './vocabulary.js';

const moduleAuditVocabularies = modules.flatMap((m) => (m.audit ? [m.audit] : []));

const both = (l: Labels, what: string) => {
  expect(l.sv.trim(), `${what} (sv)`).not.toBe('');
  expect(l.en.trim(), `${what} (en)`).not.toBe('');
};

describe('the audit vocabulary', () => {
  it('labels every entity type, action, field and value in Swedish and English', () => {
    const v = mergeAuditVocabularies([commonAuditVocabulary, ...moduleAuditVocabularies]);
    expect(v.entityTypes.size).toBeGreaterThan(10);
    for (const [code, l] of v.entityTypes) both(l, `entity type ${code}`);
    for (const [code, l] of v.actions) both(l, `action ${code}`);
    for (const [type, fields] of v.fields) {
      expect(v.entityTypes.has(type), `fields of an undeclared entity type ${type}`).toBe(true);
      for (const [field, f] of fields as Map<string, AuditField>) {
        both(f, `${type}.${field}`);
        if (f.kind === 'enum') expect(Object.keys(f.values ?? {}).length, `${type}.${field} has no values`).toBeGreaterThan(0);
        for (const [value, l] of Object.entries(f.values ?? {})) both(l, `${type}.${field}=${value}`);
      }
    }
  });

  it('is what the running app registers', () => {
    const registered = auditVocabulary();
    const all = mergeAuditVocabularies([commonAuditVocabulary, ...moduleAuditVocabularies]);
    expect([...registered.entityTypes.keys()].sort()).toEqual([...all.entityTypes.keys()].sort());
    expect([...registered.actions.keys()].sort()).toEqual([...all.actions.keys()].sort());
  });

  it('refuses one code declared twice with different labels', () => {
    const a = { entityTypes: { thing: { sv: 'Sak', en: 'Thing' } }, actions: {} };
    const b = { entityTypes: { thing: { sv: 'Grej', en: 'Thing' } }, actions: {} };
    expect(() => mergeAuditVocabularies([a, b])).toThrow(/entity type "thing" is declared twice/);
    expect(() => mergeAuditVocabularies([a, { ...a }])).not.toThrow();
  });
});
