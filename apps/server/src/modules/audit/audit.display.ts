import {
  aspectKeys,
  formatProfile,
  klassaPresetModel,
  localize,
  NOT_RELEVANT,
  type AuditChangeDisplay,
  type ClassificationModelDefinition,
  type Locale,
  type Profile,
} from '@tillit/core';
import { auditVocabulary, type AuditField, type Labels } from '../../platform/audit/vocabulary.js';
import type { Db } from '../../db/database.js';
import * as repo from './audit.repository.js';

/**
 * Resolves recorded events for reading: labels from the vocabulary, ids to today's names (or the
 * last recorded name of something deleted), codes to their labels, dates in Stockholm time,
 * classification answers per aspect and consequence category. Done on the server so the web page,
 * exports and integrations read the same, and the web keeps no copy of the codes.
 */

type Raw = { before?: unknown; after?: unknown };
export interface RawEvent {
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE_KINDS = ['user', 'unit', 'asset', 'information_type', 'classification'] as const satisfies repo.ReferenceKind[];
const isReference = (k: string | undefined): k is repo.ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(k ?? '');
const MODEL_KINDS = new Set(['answers', 'justifications', 'raises', 'profile']);

const TIME_ZONE = 'Europe/Stockholm';
// The web's format: ISO-like Swedish dates in both languages, always Stockholm time.
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const WORDS = {
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  deleted: { sv: 'Borttagen', en: 'Deleted' },
  unknownField: { sv: 'Övrig uppgift', en: 'Other detail' },
} satisfies Record<string, Labels>;

const emptyProfile: Profile = { C: null, I: null, A: null, T: null };

/** "K2 R1 T3 S2" (or "C2 I1 A3 T2") back to a profile; null when any part is not an aspect code and a level. */
function parseProfile(model: ClassificationModelDefinition, text: string): Profile | null {
  const p: Profile = { ...emptyProfile };
  for (const token of text.trim().split(/\s+/)) {
    const m = /^(\D+)(\d)$/.exec(token);
    const aspect = m && model.aspects.find((a) => a.code.sv === m[1] || a.code.en === m[1]);
    if (!m || !aspect) return null;
    p[aspect.key] = Number(m[2]);
  }
  return p;
}

function changesOf(e: RawEvent): [string, Raw][] {
  return e.changes && typeof e.changes === 'object' ? Object.entries(e.changes as Record<string, Raw>) : [];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Resolves a page of events of one organisation in the reader's language. */
export async function displayEvents(db: Db, organizationId: string, events: RawEvent[], locale: Locale) {
  const vocab = auditVocabulary();
  const fieldOf = (entityType: string, field: string): AuditField | undefined => vocab.fields.get(entityType)?.get(field);
  const l = (labels: Labels | undefined, fallback: string) => (labels ? labels[locale] : fallback);

  // Everything to look up, in a few queries for the whole page.
  const ids: Record<repo.ReferenceKind, Set<string>> = {
    user: new Set(),
    unit: new Set(),
    asset: new Set(),
    information_type: new Set(),
    classification: new Set(),
  };
  const versionIds = new Set<string>();
  for (const e of events) {
    for (const [field, c] of changesOf(e)) {
      const kind = fieldOf(e.entity_type, field)?.kind;
      if (isReference(kind)) for (const v of [c.before, c.after]) if (typeof v === 'string' && UUID.test(v)) ids[kind].add(v);
      if (kind && MODEL_KINDS.has(kind) && e.entity_type === 'classification' && e.entity_id && UUID.test(e.entity_id))
        versionIds.add(e.entity_id);
    }
  }
  const list = (k: repo.ReferenceKind) => [...ids[k]];
  const [names, models] = await Promise.all([
    repo.referenceNames(db, organizationId, {
      user: list('user'),
      unit: list('unit'),
      asset: list('asset'),
      information_type: list('information_type'),
      classification: list('classification'),
    }),
    repo.modelDefinitions(db, organizationId, [...versionIds]),
  ]);
  // Deleted objects: the name the log last recorded for them.
  await Promise.all(
    REFERENCE_KINDS.map(async (kind) => {
      const missing = list(kind).filter((id) => !names.has(id));
      for (const [id, label] of await repo.lastRecordedLabels(db, organizationId, kind, missing)) names.set(id, label);
    }),
  );
  const currentModel = (models.current as ClassificationModelDefinition | null) ?? klassaPresetModel;
  const modelFor = (e: RawEvent) =>
    (e.entity_id && (models.byVersion.get(e.entity_id) as ClassificationModelDefinition | undefined)) || currentModel;

  const levelText = (model: ClassificationModelDefinition, v: unknown) => {
    if (v === NOT_RELEVANT) return locale === 'en' ? 'Not relevant' : 'Ej relevant';
    if (typeof v !== 'number') return null;
    const level = model.levels.find((x) => x.value === v);
    return level ? `${v} – ${localize(level.name, locale)}` : String(v);
  };
  const aspectName = (model: ClassificationModelDefinition, key: string) => {
    const a = model.aspects.find((x) => x.key === key);
    return a ? localize(a.name, locale) : key;
  };

  function value(spec: AuditField | undefined, v: unknown, model: ClassificationModelDefinition): string | null {
    if (isEmpty(v)) return null;
    const kind = spec?.kind ?? 'text';
    if (Array.isArray(v)) return v.length ? v.map((x) => value(spec, x, model) ?? '').join(', ') : null;
    if (typeof v === 'boolean') return l(v ? WORDS.yes : WORDS.no, '');
    switch (kind) {
      // A list's items are codes with labels (law triggers) or free text (tags) that reads as it is.
      case 'list':
      case 'enum':
        return typeof v === 'string' ? l(spec?.values?.[v], v) : String(v);
      case 'datetime':
      case 'date': {
        const d = new Date(String(v));
        if (Number.isNaN(d.getTime())) return String(v);
        return (kind === 'date' ? dateOnly : dateTime).format(d);
      }
      case 'number':
        return typeof v === 'number' ? new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(v) : String(v);
      case 'profile':
        if (typeof v === 'object') {
          const p = v as Profile;
          return aspectKeys.some((a) => p[a] !== null && p[a] !== undefined)
            ? formatProfile(model, { C: p.C ?? null, I: p.I ?? null, A: p.A ?? null, T: p.T ?? null }, locale)
            : null;
        }
        // Submissions and approvals record the profile as the Swedish text ("K2 R1 T3 S2"): read it in the reader's letters.
        return typeof v === 'string' ? formatProfile(model, parseProfile(model, v) ?? emptyProfile, locale) || v : String(v);
      default:
        if (isReference(kind)) return typeof v === 'string' ? (names.get(v) ?? l(WORDS.deleted, '')) : String(v);
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }

  /** A classification's per-aspect objects: one row per aspect (and consequence category) that differs. */
  function expand(field: string, spec: AuditField, c: Raw, model: ClassificationModelDefinition): AuditChangeDisplay[] {
    const before = (c.before ?? {}) as Record<string, unknown>;
    const after = (c.after ?? {}) as Record<string, unknown>;
    const rows: AuditChangeDisplay[] = [];
    for (const aspect of aspectKeys) {
      const b = before[aspect];
      const a = after[aspect];
      if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
      const base = `${l(spec, field)} – ${aspectName(model, aspect)}`;
      if (spec.kind === 'answers') {
        const bb = (b ?? {}) as Record<string, unknown>;
        const aa = (a ?? {}) as Record<string, unknown>;
        for (const cat of new Set([...Object.keys(bb), ...Object.keys(aa)])) {
          if ((bb[cat] ?? null) === (aa[cat] ?? null)) continue;
          const category = model.categories.find((x) => x.key === cat);
          rows.push({
            field: `${field}.${aspect}.${cat}`,
            label: `${base}: ${category ? localize(category.name, locale) : cat}`,
            before: levelText(model, bb[cat]),
            after: levelText(model, aa[cat]),
          });
        }
      } else if (spec.kind === 'raises') {
        const raise = (r: unknown) =>
          r && typeof r === 'object' ? `${levelText(model, (r as { level: number }).level)}: ${(r as { reason: string }).reason}` : null;
        rows.push({ field: `${field}.${aspect}`, label: base, before: raise(b), after: raise(a) });
      } else {
        rows.push({
          field: `${field}.${aspect}`,
          label: base,
          before: isEmpty(b) ? null : String(b),
          after: isEmpty(a) ? null : String(a),
        });
      }
    }
    return rows;
  }

  // The database does not keep the order of a change's fields; show them in the vocabulary's order.
  const order = (entityType: string) => [...(vocab.fields.get(entityType)?.keys() ?? [])];
  const sorted = (e: RawEvent) => {
    const known = order(e.entity_type);
    const rank = (f: string) => (known.includes(f) ? known.indexOf(f) : known.length);
    return changesOf(e).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  };

  return events.map((e) => {
    const model = modelFor(e);
    const changes = sorted(e).flatMap(([field, c]): AuditChangeDisplay[] => {
      const spec = fieldOf(e.entity_type, field);
      if (spec && (spec.kind === 'answers' || spec.kind === 'justifications' || spec.kind === 'raises'))
        return expand(field, spec, c, model);
      return [
        { field, label: l(spec, l(WORDS.unknownField, field)), before: value(spec, c.before, model), after: value(spec, c.after, model) },
      ];
    });
    return {
      action: l(vocab.actions.get(e.action), e.action),
      entityType: l(vocab.entityTypes.get(e.entity_type), e.entity_type),
      changes,
    };
  });
}
