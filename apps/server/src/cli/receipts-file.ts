import fs from 'node:fs/promises';
import { parseReceipts, ReceiptFileError, type Receipt } from '../platform/audit/receipts.js';

/** Receipts for `tillit audit verify --against`: the file must exist and hold only receipts. */
export async function readReceipts(file: string): Promise<Receipt[]> {
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new ReceiptFileError(`Kvittofilen ${file} går inte att läsa / the receipts file ${file} cannot be read: ${e.code ?? e.message}`);
  });
  try {
    const receipts = parseReceipts(text);
    if (!receipts.length) throw new ReceiptFileError(`${file} innehåller inga kvitton / ${file} holds no receipts`);
    return receipts;
  } catch (e) {
    if (e instanceof ReceiptFileError) throw new ReceiptFileError(`${file}: ${e.message}`);
    throw new ReceiptFileError(`${file} är inte en kvittofil / ${file} is not a receipts file: ${(e as Error).message}`);
  }
}
