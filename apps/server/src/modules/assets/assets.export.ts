import { PassThrough } from 'node:stream';
import { assetImportVocabulary, messages, reviewStateOf, type ClassificationModelDefinition } from '@tillit/core';
import type { Db } from '../../db/database.js';
import { safeRow } from '../../platform/spreadsheet.js';
import * as repo from './assets.repository.js';
import type { AssetRow } from './assets.repository.js';

/**
 * The inventory as an Excel workbook. Headers and values are the words the import recognises
 * (`asset-import-vocabulary.json`, whose first word per value is the screen's), so an exported file
 * can be edited and imported again: the Tillit-id column makes each row update its asset, and
 * "Behandlas i" names each system by its external id or, without one, its Tillit id.
 */
const HEADERS = {
  kind: 'Typ',
  name: 'Namn',
  description: 'Beskrivning',
  unit: 'Enhet',
  informationOwner: 'Informationsägare',
  systemOwner: 'Systemägare',
  systemSteward: 'Systemförvaltare',
  supplier: 'Leverantör',
  hosting: 'Drift',
  thirdCountryTransfer: 'Tredjelandsöverföring',
  thirdCountries: 'Länder',
  personalData: 'Personuppgifter',
  lifecycle: 'Livscykel',
  externalId: 'Externt id',
  tags: 'Taggar',
  informationType: 'Informationstyp',
  processedBy: 'Behandlas i',
  tillitId: 'Tillit-id',
} as const;
export const importHeaders = HEADERS;

// The same state words as the screen and the e-mails (core's `states`, one label per state).
const REVIEW_STATE_SV = messages.sv.states.reviewStates;
const WORK_STATUS_SV: Record<string, string> = messages.sv.states.classificationStatuses;

/** The first (Swedish) word the import vocabulary lists for a value: the word the screen shows. */
export function wordFor(field: keyof typeof assetImportVocabulary.values, value: string | null): string {
  if (!value) return '';
  const words = (assetImportVocabulary.values[field] as Record<string, string[]>)[value];
  return words?.[0] ?? value;
}

/**
 * `sees(unitPath)` tells whether the reader may read assets on a unit: a link's far end on a unit
 * the reader cannot read is written as `hidden` (name and external id alike).
 */
export async function buildInventoryWorkbook(
  db: Db,
  organizationId: string,
  rows: AssetRow[],
  model: ClassificationModelDefinition,
  sees: (unitPath: string[]) => boolean,
  hidden: string,
): Promise<Buffer> {
  // All of the organisation's links and integrations, kept when either end is exported: one scan
  // instead of an `any(array)` test per row.
  const ids = new Set(rows.map((r) => r.id));
  const { emails, allLinks, allIntegrations } = await repo.exportExtras(db, organizationId);
  const links = {
    rows: allLinks.rows
      .filter((l) => ids.has(l.asset_id) || ids.has(l.information_set_id))
      .map((l) => (sees(l.processor_path) ? l : { ...l, processor: hidden, processor_ref: hidden }))
      .map((l) => (sees(l.set_path) ? l : { ...l, set_name: hidden })),
  };
  const integrations = {
    rows: allIntegrations.rows
      .filter((i) => ids.has(i.from_asset_id) || ids.has(i.to_asset_id))
      .map((i) => ({ ...i, from_name: sees(i.from_path) ? i.from_name : hidden, to_name: sees(i.to_path) ? i.to_name : hidden })),
  };
  const email = new Map(emails.map((u) => [u.id, u.email]));
  const processors = new Map<string, string[]>();
  for (const l of links.rows) processors.set(l.information_set_id, [...(processors.get(l.information_set_id) ?? []), l.processor_ref]);
  const codes = model.aspects.filter((a) => a.enabled).map((a) => ({ key: a.key, code: a.code.sv }));
  const now = new Date();

  // The streaming writer: rows are committed as they are written, which keeps 10,000+ rows fast.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  // Loaded on first use: exceljs costs a few hundred ms of CPU at every server start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tillit';
  const sheet = wb.addWorksheet('Tillgångar', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...Object.entries(HEADERS).map(([key, header]) => ({ key, header, width: key === 'description' ? 50 : 22 })),
    ...codes.map((c) => ({ key: `level_${c.key}`, header: c.code, width: 5 })),
    { key: 'reviewState', header: 'Klassning', width: 22 },
    { key: 'approvedAt', header: 'Godkänd', width: 12 },
    { key: 'reviewDueAt', header: messages.sv.states.reviewDueAt, width: 14 },
    { key: 'workStatus', header: 'Pågående arbete', width: 14 },
    { key: 'specialAnalysis', header: 'Kräver särskild analys', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
  for (const r of rows) {
    const levels: Record<string, number | null> = { C: r.level_c, I: r.level_i, A: r.level_a, T: r.level_t };
    sheet
      .addRow(
        safeRow({
          kind: wordFor('kind', r.kind),
          name: r.name,
          description: r.description ?? '',
          unit: r.unit_name,
          informationOwner: r.information_owner_id ? (email.get(r.information_owner_id) ?? '') : '',
          systemOwner: r.system_owner_id ? (email.get(r.system_owner_id) ?? '') : '',
          systemSteward: r.system_steward_id ? (email.get(r.system_steward_id) ?? '') : '',
          supplier: r.supplier ?? '',
          hosting: wordFor('hosting', r.hosting),
          thirdCountryTransfer: wordFor('thirdCountryTransfer', r.third_country_transfer),
          thirdCountries: r.third_countries.join('; '),
          personalData: wordFor('personalData', r.personal_data),
          lifecycle: wordFor('lifecycle', r.lifecycle),
          externalId: r.external_id ?? '',
          tags: r.tags.join('; '),
          informationType: r.information_type_name ?? '',
          processedBy: (processors.get(r.id) ?? []).join('; '),
          tillitId: r.id,
          ...Object.fromEntries(codes.map((c) => [`level_${c.key}`, levels[c.key]])),
          reviewState: REVIEW_STATE_SV[r.approved_at ? reviewStateOf(r.review_due_at, now) : 'missing'],
          approvedAt: day(r.approved_at),
          reviewDueAt: day(r.review_due_at),
          workStatus: r.work_status ? (WORK_STATUS_SV[r.work_status] ?? r.work_status) : '',
          specialAnalysis: r.special_analysis ? 'Ja' : '',
        }),
      )
      .commit();
  }
  sheet.commit();
  const linkSheet = wb.addWorksheet('Kopplingar');
  linkSheet.columns = [
    { header: 'System eller process', key: 'processor', width: 40 },
    { header: 'Informationsmängd', key: 'set', width: 40 },
  ];
  linkSheet.getRow(1).font = { bold: true };
  for (const l of links.rows) linkSheet.addRow(safeRow({ processor: l.processor, set: l.set_name })).commit();
  linkSheet.commit();
  const integrationSheet = wb.addWorksheet('Integrationer');
  integrationSheet.columns = [
    { header: 'Från', key: 'from', width: 40 },
    { header: 'Till', key: 'to', width: 40 },
    { header: 'Vad som flödar', key: 'description', width: 60 },
  ];
  integrationSheet.getRow(1).font = { bold: true };
  for (const i of integrations.rows)
    integrationSheet.addRow(safeRow({ from: i.from_name, to: i.to_name, description: i.description ?? '' })).commit();
  integrationSheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
