import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { messages } from '@tillit/core';

type Locale = 'sv' | 'en';
export interface ProcurementDocument {
  name: string;
  referenceNumber: string | null;
  procurementDate: string;
  profileLabel: string;
  triggers: string[];
  catalogueLabel: string;
  themes: { label: string; requirements: { number: string; key: string; title: string; text: string }[] }[];
}

const texts = (locale: Locale) => messages[locale].procurementDocument;

/** The tender's requirement document (Word): title page, a heading per theme, numbered requirements, a box for the supplier's answer each. */
export async function procurementDocx(d: ProcurementDocument, locale: Locale): Promise<Buffer> {
  const t = texts(locale);
  const meta = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  const answerBox = () =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          height: { value: 1200, rule: 'atLeast' },
          children: [
            new TableCell({
              borders: {
                top: { style: BorderStyle.SINGLE, size: 4, color: '666666' },
                bottom: { style: BorderStyle.SINGLE, size: 4, color: '666666' },
                left: { style: BorderStyle.SINGLE, size: 4, color: '666666' },
                right: { style: BorderStyle.SINGLE, size: 4, color: '666666' },
              },
              children: [new Paragraph({ children: [new TextRun({ text: t.answerHint, italics: true, color: '666666' })] })],
            }),
          ],
        }),
      ],
    });
  const body = d.themes.flatMap((theme) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(theme.label)] }),
    ...theme.requirements.flatMap((r) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${r.number} ${r.title}`)] }),
      new Paragraph({ children: [new TextRun({ text: `${r.key}. `, color: '555555' }), new TextRun(r.text)] }),
      new Paragraph({ children: [new TextRun({ text: `${t.answer}:`, bold: true })] }),
      answerBox(),
      new Paragraph({ children: [] }),
    ]),
  ]);
  const doc = new Document({
    creator: 'Tillit',
    title: `${t.title} – ${d.name}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(t.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.name, size: 32 })] }),
          new Paragraph({ children: [] }),
          meta(t.procurement, d.name),
          meta(t.reference, d.referenceNumber ?? '–'),
          meta(t.date, d.procurementDate),
          meta(t.profile, d.profileLabel),
          meta(t.triggers, d.triggers.length ? d.triggers.join(', ') : t.none),
          meta(t.catalogue, d.catalogueLabel),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [new TextRun(t.intro)] }),
          new Paragraph({ children: [new PageBreak()] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same requirements as an Excel sheet for the tender (one row per requirement, columns for the supplier). */
export async function procurementXlsx(d: ProcurementDocument, locale: Locale): Promise<Buffer> {
  const t = texts(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  const sheet = wb.addWorksheet(t.sheet);
  sheet.columns = [
    { header: t.number, key: 'number', width: 8 },
    { header: t.id, key: 'key', width: 14 },
    { header: t.theme, key: 'theme', width: 26 },
    { header: t.heading, key: 'title', width: 36 },
    { header: t.requirement, key: 'text', width: 70 },
    { header: t.fulfilled, key: 'met', width: 16 },
    { header: t.comment, key: 'comment', width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Text that a spreadsheet could read as a formula is written as plain text.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  for (const theme of d.themes)
    for (const r of theme.requirements)
      sheet.addRow({
        number: r.number,
        key: r.key,
        theme: safe(theme.label),
        title: safe(r.title),
        text: safe(r.text),
        met: '',
        comment: '',
      });
  sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  const about = wb.addWorksheet(t.aboutSheet);
  about.addRows([
    [t.procurement, safe(d.name)],
    [t.reference, d.referenceNumber ?? ''],
    [t.date, d.procurementDate],
    [t.profile, d.profileLabel],
    [t.triggers, d.triggers.join(', ')],
    [t.catalogue, d.catalogueLabel],
  ]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
