import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { useAuditKey } from './hash.js';

export const KEY_FILE = 'audit.key';

/**
 * The audit key (ADR 0002) keys the hash chain and signs receipts. It is kept outside the database,
 * so that whoever can write to the database cannot recompute the chain: `TILLIT_AUDIT_KEY` (base64
 * or hex, ≥ 32 bytes; the same for every instance), or else `<data folder>/audit.key`, created with
 * mode 0600 on first start. Losing it makes keyed events unverifiable: back it up apart from the
 * database backups.
 */
export function loadAuditKey(opts: { auditKey?: string | undefined; dataDir: string }): Buffer {
  const key = opts.auditKey ? decodeKey(opts.auditKey) : keyFromFile(path.join(opts.dataDir, KEY_FILE));
  useAuditKey(key);
  return key;
}

export function decodeKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length < 32) throw new Error('TILLIT_AUDIT_KEY: at least 32 bytes (64 hex digits or 44 base64 characters)');
  return key;
}

function keyFromFile(file: string): Buffer {
  const existing = readKeyFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting at once never write two different keys.
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readKeyFile(file)!;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return decodeKey(text);
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The receipt signing key pair, derived from the audit key (so there is one secret to keep). */
export function receiptKeys(key: Buffer): { privateKey: KeyObject; publicKey: KeyObject; publicKeyBase64: string } {
  const seed = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'tillit audit receipt v1', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}
