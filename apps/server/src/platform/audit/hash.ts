import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an event's hash was made (column `chain_version`, ADR 0002):
 * 1 – plain SHA-256 of the previous hash and the event: events written before the chain was keyed.
 * 2 – HMAC-SHA-256 with the installation's audit key, which lives outside the database.
 */
export const UNKEYED = 1;
export const KEYED = 2;
export type ChainVersion = typeof UNKEYED | typeof KEYED;

/** JSON with object keys sorted at every depth: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    // The default sort orders by UTF-16 code units, like `<`; a plain loop because verifying a large
    // chain hashes millions of these.
    const obj = value as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(obj).sort()) {
      const v = obj[k];
      if (v === undefined) continue;
      out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  organizationId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  unitId: string | null;
  changes: unknown;
}

let auditKey: Buffer | null = null;

/** Sets the key every keyed hash of this process uses (read once at start, see key.ts). */
export function useAuditKey(key: Buffer): void {
  if (key.length < 32) throw new Error('the audit key must have at least 32 bytes');
  auditKey = key;
}

export function currentAuditKey(): Buffer {
  if (!auditKey) throw new Error('no audit key loaded: call loadAuditKey at start');
  return auditKey;
}

/** The hash of an event after `prevHash`: keyed (HMAC) unless an event of the unkeyed epoch is rechecked. */
export function eventHash(prevHash: string, e: HashedFields, version: ChainVersion = KEYED, key: Buffer = currentAuditKey()): string {
  const body = canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() });
  const h = version === KEYED ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(body).digest('hex');
}

/** A keyed tag for other records the database insider must not forge (checkpoints). */
export function mac(purpose: string, parts: (string | number)[], key: Buffer = currentAuditKey()): string {
  return createHmac('sha256', key).update(purpose).update('\n').update(parts.join('\n')).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
