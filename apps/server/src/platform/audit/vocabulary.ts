/**
 * The audit log's vocabulary: every `action` and `entityType` an event may carry, with Swedish and
 * English labels, and per entity type the labels and value kinds of the fields its `changes` hold.
 * Each module contributes its own (`modules/<m>/<m>.audit.ts`, referenced by the module's manifest);
 * the platform only knows the shape and the verbs every module shares.
 *
 * The TypeScript unions `AuditAction` and `AuditEntityType` are built by declaration merging: a
 * module's vocabulary file adds its codes to `AuditActionCodes`/`AuditEntityTypeCodes`, so
 * `recordAudit` with a code no module declares does not compile, and the platform still does not
 * import the modules. At run time `registerAuditVocabulary` collects the same data (the app does it
 * for each module) and `recordAudit` refuses codes that are not registered.
 */
export interface Labels {
  sv: string;
  en: string;
}

/**
 * How a field's value is shown. References (`user`, `unit`, `asset`, `information_type`,
 * `classification`) are ids resolved to today's name; `enum` maps a code to a label; `profile` is
 * `{C,I,A,T}` shown as K2 R1 T3 S2; `answers`/`justifications`/`raises` are per-aspect objects of a
 * classification, shown one row per aspect (and consequence category) that differs.
 */
export type AuditFieldKind =
  | 'text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'list'
  | 'enum'
  | 'user'
  | 'unit'
  | 'asset'
  | 'information_type'
  | 'classification'
  | 'profile'
  | 'answers'
  | 'justifications'
  | 'raises';

/** A field label, optionally with how its values read (defaults to `text`). A bare `Labels` is a text field. */
export interface AuditField extends Labels {
  kind?: AuditFieldKind;
  /** For `enum` (and `list` of codes): the label of each code. */
  values?: Record<string, Labels>;
}

export interface AuditVocabulary {
  entityTypes: Record<string, Labels>;
  actions: Record<string, Labels>;
  /** Per entity type, per field name in `changes`. */
  fields?: Record<string, Record<string, AuditField>>;
}

/** Filled by the modules' vocabulary files through declaration merging (see the file comment). */
export interface AuditActionCodes extends CodesOf<typeof commonAuditVocabulary.actions> {}
export interface AuditEntityTypeCodes {}

export type AuditAction = keyof AuditActionCodes & string;
export type AuditEntityType = keyof AuditEntityTypeCodes & string;

/** The codes of a vocabulary's record as a `{ code: true }` type, for the merging interfaces to extend. */
export type CodesOf<T> = { [K in keyof T]: true };

/** Keeps the literal codes of a module's vocabulary (for `CodesOf`) while checking its shape. */
export function defineAuditVocabulary<const V extends AuditVocabulary>(v: V): V {
  return v;
}

const label = (sv: string, en: string): Labels => ({ sv, en });

/** Verbs every module uses; a module adds the ones only it has. */
export const commonAuditVocabulary = defineAuditVocabulary({
  entityTypes: {},
  actions: {
    create: label('Skapad', 'Created'),
    update: label('Ändrad', 'Changed'),
    delete: label('Borttagen', 'Deleted'),
    import: label('Importerad', 'Imported'),
    revoke: label('Återkallad', 'Revoked'),
  },
});

/** The merged vocabulary the app runs with. */
export interface MergedAuditVocabulary {
  entityTypes: Map<string, Labels>;
  actions: Map<string, Labels>;
  fields: Map<string, Map<string, AuditField>>;
}

const registered: AuditVocabulary[] = [commonAuditVocabulary];
let merged: MergedAuditVocabulary | null = null;

function same(a: AuditField, b: AuditField) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges vocabularies. A code may be declared by more than one module (a shared verb, say) only
 * with the same labels, so one code never reads two ways.
 */
export function mergeAuditVocabularies(list: AuditVocabulary[]): MergedAuditVocabulary {
  const out: MergedAuditVocabulary = { entityTypes: new Map(), actions: new Map(), fields: new Map() };
  const put = (map: Map<string, AuditField>, code: string, value: AuditField, what: string) => {
    const had = map.get(code);
    if (had && !same(had, value)) throw new Error(`audit vocabulary: ${what} "${code}" is declared twice with different labels`);
    map.set(code, value);
  };
  for (const v of list) {
    for (const [code, l] of Object.entries(v.entityTypes)) put(out.entityTypes, code, l, 'entity type');
    for (const [code, l] of Object.entries(v.actions)) put(out.actions, code, l, 'action');
    for (const [type, fields] of Object.entries(v.fields ?? {})) {
      const map = out.fields.get(type) ?? new Map<string, AuditField>();
      for (const [field, f] of Object.entries(fields)) put(map, field, f, `field of ${type}`);
      out.fields.set(type, map);
    }
  }
  return out;
}

/** Adds a module's vocabulary (the app calls this for each module's manifest). Idempotent per object. */
export function registerAuditVocabulary(v: AuditVocabulary): void {
  if (registered.includes(v)) return;
  registered.push(v);
  merged = null;
}

/** The registered vocabulary, merged. */
export function auditVocabulary(): MergedAuditVocabulary {
  merged ??= mergeAuditVocabularies(registered);
  return merged;
}

/** Whether only the platform's own verbs are known: no module has registered yet (a script that built no app). */
function onlyCommon() {
  return registered.length === 1;
}

/** Throws for a code no registered vocabulary declares: a typo the types did not catch (a cast, a computed code). */
export function assertKnownAuditEvent(action: string, entityType: string): void {
  if (onlyCommon()) return;
  const v = auditVocabulary();
  if (!v.actions.has(action)) throw new Error(`audit: action "${action}" is not in the audit vocabulary`);
  if (!v.entityTypes.has(entityType)) throw new Error(`audit: entity type "${entityType}" is not in the audit vocabulary`);
}
