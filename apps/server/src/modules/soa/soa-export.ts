import { annexAControls } from '@tillit/core';
import { soaVocabulary, type SoaVersionView } from '@tillit/core/modules/soa/schemas';

/**
 * The statement of applicability as Excel (one row per control, for filtering and sharing with
 * auditors) and as Word (a document for the management system, one table per theme).
 */
type Locale = 'sv' | 'en';
const t = (l: { sv: string; en?: string }, locale: Locale) => (locale === 'en' ? (l.en ?? l.sv) : l.sv);
const labelOf = (list: readonly { code: string; label: { sv: string; en: string } }[], code: string | null, locale: Locale) => {
  const hit = list.find((x) => x.code === code);
  return hit ? t(hit.label, locale) : '';
};

const words = {
  title: { sv: 'Uttalande om tillämplighet', en: 'Statement of applicability' },
  subtitle: { sv: 'Kontroller i ISO/IEC 27001:2022 bilaga A', en: 'Controls of ISO/IEC 27001:2022 Annex A' },
  control: { sv: 'Kontroll', en: 'Control' },
  name: { sv: 'Benämning', en: 'Title' },
  theme: { sv: 'Tema', en: 'Theme' },
  applicable: { sv: 'Tillämplig', en: 'Applicable' },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  reasonText: { sv: 'Motivering', en: 'Justification' },
  implementation: { sv: 'Införd och fungerar', en: 'Implemented and working' },
  gap: { sv: 'Gapets storlek', en: 'Gap severity' },
  current: { sv: 'Nuläge', en: 'Current state' },
  improvement: { sv: 'Planerad förbättring', en: 'Planned improvement' },
  measures: { sv: 'Åtgärder', en: 'Measures' },
  plans: { sv: 'Handlingsplaner', en: 'Action plans' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  undecided: { sv: 'Ej bedömd', en: 'Not assessed' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  counts: {
    sv: '{applicable} av {controls} kontroller är tillämpliga; {implemented} är införda och fungerar, {partly} delvis, {no} inte.',
    en: '{applicable} of {controls} controls apply; {implemented} are implemented and working, {partly} partly, {no} not.',
  },
};
const w = (k: Exclude<keyof typeof words, 'counts'>, locale: Locale) => t(words[k], locale);

function cells(v: SoaVersionView, locale: Locale) {
  const themeLabel = new Map(annexAControls.themes.map((x) => [x.code, t(x.label, locale)]));
  return v.entries.map((e) => ({
    control: e.control,
    title: t(e.title, locale),
    theme: themeLabel.get(e.theme) ?? '',
    themeCode: e.theme,
    applicable: e.applicable === null ? w('undecided', locale) : e.applicable ? w('yes', locale) : w('no', locale),
    reasons: e.reasons.map((r) => labelOf(soaVocabulary.reasons, r, locale)).join(', '),
    reasonText: e.reasonText ?? '',
    implementation: labelOf(soaVocabulary.implementation, e.implementation, locale),
    gap: labelOf(soaVocabulary.gapSeverity, e.gapSeverity, locale),
    current: e.currentState ?? '',
    improvement: e.plannedImprovement ?? '',
    measures: e.measures.map((m) => m.title).join('; '),
    plans: e.planCount === null ? '' : String(e.planCount),
  }));
}
const columns = [
  'control',
  'title',
  'theme',
  'applicable',
  'reasons',
  'reasonText',
  'implementation',
  'gap',
  'current',
  'improvement',
  'measures',
  'plans',
] as const;
const header = (c: (typeof columns)[number], locale: Locale) => w(c === 'title' ? 'name' : c, locale);

export async function soaWorkbook(v: SoaVersionView, locale: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  const ws = wb.addWorksheet(`${w('title', locale).slice(0, 20)} ${v.year}`);
  ws.columns = columns.map((c) => ({
    header: header(c, locale),
    key: c,
    width: c === 'control' ? 9 : c === 'current' || c === 'improvement' ? 40 : 22,
  }));
  for (const row of cells(v, locale)) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function soaDocument(v: SoaVersionView, locale: Locale): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType, TextRun } = await import('docx');
  const rows = cells(v, locale);
  const c = v.counts;
  const summary = t(words.counts, locale)
    .replace('{applicable}', String(c.applicable))
    .replace('{controls}', String(c.controls))
    .replace('{implemented}', String(c.implemented))
    .replace('{partly}', String(c.partly))
    .replace('{no}', String(c.notImplemented));
  const tableColumns = ['control', 'title', 'applicable', 'reasons', 'implementation', 'gap', 'current', 'improvement'] as const;
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({ text: `${w('title', locale)} ${v.year}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w('subtitle', locale) }),
    new Paragraph({ text: w('summary', locale), heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: summary }),
  ];
  for (const theme of annexAControls.themes) {
    const inTheme = rows.filter((r) => r.themeCode === theme.code);
    children.push(new Paragraph({ text: t(theme.label, locale), heading: HeadingLevel.HEADING_1 }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: tableColumns.map((k) => cell(header(k, locale), true)) }),
          ...inTheme.map(
            (r) =>
              new TableRow({
                children: tableColumns.map((k) => cell(k === 'reasons' && r.reasonText ? `${r.reasons} – ${r.reasonText}` : r[k])),
              }),
          ),
        ],
      }),
    );
  }
  const doc = new Document({ creator: 'Tillit', title: `${w('title', locale)} ${v.year}`, sections: [{ children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
