import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

const personalDataLabels = {
  none: { sv: 'Inga personuppgifter', en: 'No personal data' },
  ordinary: { sv: 'Vanliga personuppgifter', en: 'Ordinary personal data' },
  sensitive: { sv: 'Känsliga personuppgifter', en: 'Special categories of personal data' },
  patient: { sv: 'Patientuppgifter', en: 'Patient data' },
};

/** The fields of an asset as `auditFields` (assets.views.ts) and the import record them. */
export const assetAuditFields = {
  kind: {
    sv: 'Typ',
    en: 'Kind',
    kind: 'enum',
    values: {
      information_set: { sv: 'Informationsmängd', en: 'Information set' },
      system: { sv: 'System', en: 'System' },
      process: { sv: 'Process eller tjänst', en: 'Process or service' },
    },
  },
  name: { sv: 'Namn', en: 'Name' },
  description: { sv: 'Beskrivning', en: 'Description' },
  unitId: { sv: 'Enhet', en: 'Unit', kind: 'unit' },
  informationOwnerId: { sv: 'Informationsägare', en: 'Information owner', kind: 'user' },
  systemOwnerId: { sv: 'Systemägare', en: 'System owner', kind: 'user' },
  systemStewardId: { sv: 'Systemförvaltare', en: 'System administrator', kind: 'user' },
  supplier: { sv: 'Leverantör', en: 'Supplier' },
  hosting: {
    sv: 'Drift',
    en: 'Hosting',
    kind: 'enum',
    values: {
      own_datacenter: { sv: 'Egen drift', en: 'Own operation' },
      external_operation: { sv: 'Extern driftleverantör', en: 'External operator' },
      cloud: { sv: 'Molntjänst', en: 'Cloud service' },
      saas: { sv: 'Programvarutjänst (SaaS)', en: 'Software as a service (SaaS)' },
    },
  },
  thirdCountryTransfer: {
    sv: 'Överföring till tredjeland',
    en: 'Third-country transfer',
    kind: 'enum',
    values: {
      yes: { sv: 'Ja, uppgifter förs till land utanför EU/EES', en: 'Yes, data goes to a country outside the EU/EEA' },
      no: { sv: 'Nej', en: 'No' },
      unknown: { sv: 'Vet inte ännu', en: 'Not known yet' },
    },
  },
  essentialService: {
    sv: 'Samhällsviktig tjänst enligt cybersäkerhetslagen',
    en: 'Essential service under the Cybersecurity Act',
    kind: 'enum',
    values: { yes: { sv: 'Ja', en: 'Yes' }, no: { sv: 'Nej', en: 'No' } },
  },
  thirdCountries: { sv: 'Länder utanför EU/EES', en: 'Countries outside the EU/EEA', kind: 'list' },
  personalData: { sv: 'Personuppgifter', en: 'Personal data', kind: 'enum', values: personalDataLabels },
  lifecycle: {
    sv: 'Livscykel',
    en: 'Lifecycle',
    kind: 'enum',
    values: {
      planned: { sv: 'Planerad', en: 'Planned' },
      in_use: { sv: 'I drift', en: 'In use' },
      phasing_out: { sv: 'Under avveckling', en: 'Being phased out' },
      retired: { sv: 'Avvecklad', en: 'Retired' },
    },
  },
  externalId: { sv: 'Externt id', en: 'External id' },
  tags: { sv: 'Taggar', en: 'Tags', kind: 'list' },
  informationTypeId: { sv: 'Informationstyp', en: 'Information type', kind: 'information_type' },
  secrecyChapter: { sv: 'Sekretess enligt OSL, kapitel', en: 'Secrecy under OSL, chapter', kind: 'number' },
  protectedIdentity: { sv: 'Skyddade personuppgifter', en: 'Protected personal details', kind: 'boolean' },
  criminalOffenceData: { sv: 'Uppgifter om lagöverträdelser (GDPR art. 10)', en: 'Criminal-offence data (GDPR art. 10)', kind: 'boolean' },
  securityProtection: { sv: 'Säkerhetsskyddsklassificerade uppgifter', en: 'Security-classified information', kind: 'boolean' },
} as const;

/** Audit events of the asset register: assets, which sets a system processes, and integrations. */
export const assetsAudit = defineAuditVocabulary({
  entityTypes: {
    asset: { sv: 'Tillgång', en: 'Asset' },
    asset_link: { sv: 'Behandlad informationsmängd', en: 'Processed information set' },
    asset_integration: { sv: 'Integration', en: 'Integration' },
  },
  actions: {},
  fields: {
    asset: assetAuditFields,
    asset_link: {
      assetId: { sv: 'System eller process', en: 'System or process', kind: 'asset' },
      informationSetId: { sv: 'Informationsmängd', en: 'Information set', kind: 'asset' },
    },
    asset_integration: {
      fromAssetId: { sv: 'Från', en: 'From', kind: 'asset' },
      toAssetId: { sv: 'Till', en: 'To', kind: 'asset' },
      description: { sv: 'Beskrivning', en: 'Description' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof assetsAudit.entityTypes> {}
}
