import { assetImportVocabulary } from '@tillit/core';
import { importHeaders } from '../assets/assets.service.js';

/** An empty inventory sheet with the recognised headers, and a sheet listing the accepted values. */
export async function buildTemplate(): Promise<Buffer> {
  // Loaded on first use: exceljs costs a few hundred ms of CPU at every server start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  const sheet = wb.addWorksheet('Tillgångar', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = Object.entries(importHeaders).map(([key, header]) => ({ key, header, width: key === 'description' ? 50 : 22 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    kind: 'System',
    name: 'Exempel: Journalsystem',
    unit: 'Hälso- och sjukvårdsförvaltningen',
    hosting: 'Extern drift',
    personalData: 'Patientuppgifter',
    lifecycle: 'I drift',
    externalId: 'SYS-001',
  });
  sheet.addRow({
    kind: 'Informationsmängd',
    name: 'Exempel: Journalanteckningar',
    unit: 'Hälso- och sjukvårdsförvaltningen',
    personalData: 'Patientuppgifter',
    externalId: 'INF-001',
    informationType: 'patientjournal',
    processedBy: 'SYS-001',
  });
  const values = wb.addWorksheet('Tillåtna värden');
  values.columns = [
    { header: 'Kolumn', key: 'column', width: 24 },
    { header: 'Värde', key: 'value', width: 24 },
    { header: 'Andra ord som känns igen', key: 'synonyms', width: 60 },
  ];
  values.getRow(1).font = { bold: true };
  const headers = importHeaders as Record<string, string>;
  for (const [field, table] of Object.entries(assetImportVocabulary.values)) {
    for (const words of Object.values(table as Record<string, string[]>)) {
      values.addRow({ column: headers[field] ?? field, value: words[0], synonyms: words.slice(1).join(', ') });
    }
  }
  values.addRow({
    column: headers.informationOwner,
    value: 'e-postadress eller namn',
    synonyms: 'gäller även systemägare och systemförvaltare; ett namn måste vara unikt i organisationen',
  });
  values.addRow({
    column: headers.processedBy,
    value: 'externa id eller Tillit-id',
    synonyms: 'system eller processer, åtskilda med ; eller ,',
  });
  values.addRow({
    column: headers.tillitId,
    value: 'lämna tom för nya tillgångar',
    synonyms: 'exporten fyller i den så att raden uppdaterar sin tillgång',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
