// The reader thread (see ParsePool in parse.ts): parses one uploaded file at a time, with the same
// caps as everywhere, and answers with the sheets or with the AppError's code and details (an
// Error does not cross threads with its class).
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../platform/errors.js';
import { parseSheets } from './parse.js';

parentPort!.on('message', async (m: { file: Uint8Array; fileName: string }) => {
  try {
    const sheets = await parseSheets(Buffer.from(m.file.buffer, m.file.byteOffset, m.file.byteLength), m.fileName);
    parentPort!.postMessage({ sheets });
  } catch (e) {
    parentPort!.postMessage({
      error:
        e instanceof AppError ? { code: e.code, details: e.details } : { code: 'import_unreadable_file', details: { reason: 'reader' } },
    });
  }
});
