import fs from 'node:fs/promises';
import path from 'node:path';
import { sign, verify } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import { canonicalJson, currentAuditKey } from './hash.js';
import { receiptKeys } from './key.js';
import { verifyWithCheckpoint } from './checkpoint.js';
import type { ChainPoint } from './verify.js';

/**
 * Receipts anchor the audit chain outside the database (ADR 0002): a signed statement "organisation O's
 * chain had event E with hash H at time T". Whoever holds one can later prove that the chain was
 * rewritten or cut off before E, even by someone with full access to the database. Tillit appends one
 * per organisation whose chain grew to an append-only file every few minutes, and hands one out on
 * request (GET /api/v1/audit-events/receipt). Signed with Ed25519, the key derived from the audit key.
 */
export const RECEIPT_KIND = 'tillit.audit-receipt' as const;

export interface Receipt {
  kind: typeof RECEIPT_KIND;
  version: 1;
  organizationId: string;
  eventId: string;
  hash: string;
  at: string;
  /** The signing public key (SPKI, base64): lets anyone check the signature without the audit key. */
  publicKey: string;
  signature: string;
}

const signed = (r: Omit<Receipt, 'signature'>) =>
  Buffer.from(
    canonicalJson({
      kind: r.kind,
      version: r.version,
      organizationId: r.organizationId,
      eventId: r.eventId,
      hash: r.hash,
      at: r.at,
      publicKey: r.publicKey,
    }),
  );

export function signReceipt(organizationId: string, head: ChainPoint, at = new Date(), key = currentAuditKey()): Receipt {
  const keys = receiptKeys(key);
  const body = {
    kind: RECEIPT_KIND,
    version: 1 as const,
    organizationId,
    eventId: String(head.eventId),
    hash: head.hash,
    at: at.toISOString(),
    publicKey: keys.publicKeyBase64,
  };
  return { ...body, signature: sign(null, signed(body), keys.privateKey).toString('base64') };
}

/** Whether a receipt was signed by this installation's key (a receipt of another key proves nothing here). */
export function receiptIsGenuine(r: Receipt, key = currentAuditKey()): boolean {
  const keys = receiptKeys(key);
  if (r.kind !== RECEIPT_KIND || r.version !== 1 || r.publicKey !== keys.publicKeyBase64) return false;
  try {
    return verify(null, signed(r), keys.publicKey, Buffer.from(r.signature, 'base64'));
  } catch {
    return false;
  }
}

export class ReceiptFileError extends Error {}

/** Reads receipts: the append-only file (one JSON object a line), one downloaded receipt, or a JSON array of them. */
export function parseReceipts(text: string): Receipt[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as unknown[]).map((r, i) => asReceipt(r, i + 1));
  // One downloaded receipt, perhaps pretty-printed over several lines.
  const single = tryJson(trimmed);
  if (single !== undefined) return [asReceipt(single, 1)];
  return trimmed.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    const v = tryJson(line);
    if (v === undefined) throw new ReceiptFileError(`rad ${i + 1} är inte ett kvitto / line ${i + 1} is not a receipt`);
    return [asReceipt(v, i + 1)];
  });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asReceipt(v: unknown, n: number): Receipt {
  const r = v as Partial<Receipt>;
  if (
    !r ||
    r.kind !== RECEIPT_KIND ||
    typeof r.organizationId !== 'string' ||
    !/^\d+$/.test(String(r.eventId)) ||
    typeof r.hash !== 'string' ||
    typeof r.signature !== 'string'
  ) {
    throw new ReceiptFileError(`post ${n} är inte ett kvitto från Tillit / entry ${n} is not a Tillit receipt`);
  }
  return r as Receipt;
}

export async function appendReceipt(file: string, r: Receipt): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // 'a': O_APPEND, lines are only ever added; 0600: the file says what the log held.
  await fs.appendFile(file, JSON.stringify(r) + '\n', { mode: 0o600, flag: 'a' });
}

const RECEIPT_VERIFIER = { userId: null, name: 'Tillit (kvitto)' };

/**
 * Verifies each organisation's chain from its checkpoint and appends a receipt for every head that
 * moved since the last one written by this process. A broken chain gets no receipt (and is logged).
 */
export async function writeReceipts(db: Db, file: string, log: Pick<Logger, 'error'>, last = new Map<string, number>()): Promise<number> {
  let written = 0;
  const orgs = await db.selectFrom('organizations').select('id').execute();
  for (const { id } of orgs) {
    const r = await verifyWithCheckpoint(db, id, { full: false, by: RECEIPT_VERIFIER });
    if (!r.ok) {
      log.error({ organizationId: id, firstBrokenId: r.firstBrokenId }, 'the audit chain is broken; no receipt written');
      continue;
    }
    if (!r.lastIntact || last.get(id) === r.lastIntact.eventId) continue;
    await appendReceipt(file, signReceipt(id, r.lastIntact));
    last.set(id, r.lastIntact.eventId);
    written++;
  }
  return written;
}

/** Appends receipts every `intervalMs` (and once shortly after start) until stopped. */
export function startReceiptWriter(db: Db, opts: { file: string; intervalMs: number }, log: Logger): { stop(): Promise<void> } {
  const last = new Map<string, number>();
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = writeReceipts(db, opts.file, log, last).catch((e: unknown) =>
      log.warn({ err: e }, 'writing audit receipts failed; trying again later'),
    );
  };
  const first = setTimeout(tick, Math.min(5_000, opts.intervalMs));
  const timer = setInterval(tick, opts.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
