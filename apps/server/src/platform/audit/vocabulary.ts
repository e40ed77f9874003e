/**
 * The audit vocabulary a module contributes through its manifest: the entity types and actions it
 * writes, with the Swedish and English labels the audit log shows instead of raw codes. This is the
 * minimal shape the manifest needs; the typed audit events (issue 7, item 4) extend it.
 */
export interface Labels {
  sv: string;
  en: string;
}

export interface AuditVocabulary {
  entityTypes: Record<string, Labels>;
  actions: Record<string, Labels>;
  /** Field labels per entity type: `fields.asset.unitId = { sv: 'Enhet', en: 'Unit' }`. */
  fields?: Record<string, Record<string, Labels>>;
}
