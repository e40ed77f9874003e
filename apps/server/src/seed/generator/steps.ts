import type pg from 'pg';
import type { Logger } from 'pino';
import type { Role } from '@tillit/core';
import type { Trx } from '../../db/database.js';
import type { Changes } from '../../platform/audit/audit.js';
import type { AuditAction, AuditEntityType } from '../../platform/audit/vocabulary.js';
import type { Random } from './random.js';

/** Sizes of one generated organisation (generator-profiles.json); feature modules read their own keys. */
export type Sizes = Record<string, number> & { units: number; administrations: number; users: number; auditEvents: number };

export interface GeneratedUnit {
  id: string;
  parentId: string | null;
  path: string[];
  name: string;
  kind: 'organization' | 'administration' | 'operation' | 'unit';
  createdAt: Date;
}

export interface GeneratedUser {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'disabled';
  createdAt: Date;
  grants: { id: string; role: Role; unitId: string }[];
}

/** An audit event before it is chained: the generator adds organisation, prev_hash and hash. */
export interface AuditTemplate {
  occurredAt: Date;
  actor: { id: string | null; name: string };
  /** From the audit vocabulary, as for `recordAudit`. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  entityLabel?: string | null;
  unitId?: string | null;
  changes?: Changes | null;
}

/**
 * A kind of everyday activity that fills the audit history between the recorded events. `make` is
 * called in time order and returns null when it has nothing to say at that moment.
 */
export interface AuditActivity {
  name: string;
  weight: number;
  make(rng: Random, at: Date): Omit<AuditTemplate, 'occurredAt'> | null;
}

export interface GeneratorContext {
  profile: string;
  seed: number;
  sizes: Sizes;
  /** The history covers [since, until). */
  since: Date;
  until: Date;
  /** The organisation's one transaction: a failed run leaves nothing behind. */
  trx: Trx;
  /** COPY rows into a table, inside the same transaction; use it for anything over a few thousand rows. */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
  /** The raw client of the transaction, for what Kysely cannot express. */
  client: pg.ClientBase;
  /** An independent random stream per label: `ctx.random('systems')`. */
  random(label: string): Random;
  organization: { id: string; name: string; orgNumber: string; kind: string; domain: string; rootUnitId: string };
  units: GeneratedUnit[];
  /** Sorted by createdAt. */
  users: GeneratedUser[];
  /** Same password for every generated user (one precomputed argon2 hash). */
  passwordHash: string;
  audit: {
    /** An event at a given moment, e.g. "created" for each generated row; chained in time order with the rest. */
    record(event: AuditTemplate): void;
    /** Everyday activity mixed into the history until the profile's auditEvents count is reached. */
    activities: AuditActivity[];
  };
  log: Logger;
}

/**
 * A content step, run for each generated organisation after the foundation (organisation, units, users,
 * role assignments) and before the audit history is written. A module declares its step in its
 * manifest (`generator`); the generator runs them in the order of `modules/index.ts`:
 *
 *   generator: { name: 'assets', async run(ctx) {
 *     const rng = ctx.random('assets');
 *     await ctx.copy('systems', ['id', 'organization_id', …], rowsFrom(rng, ctx.sizes.systems));
 *     ctx.audit.record({ occurredAt, actor, action: 'create', entityType: 'system', … });
 *     ctx.audit.activities.push({ name: 'system updates', weight: 4, make: (rng, at) => … });
 *   } },
 *
 * Rules: draw randomness only from `ctx.random(<your label>)` and ids from its `uuid()` (so the same
 * seed gives the same data); write through `ctx.trx`/`ctx.copy` (never a separate connection: the
 * organisation is created in one transaction); do not call `recordAudit` — give events to `ctx.audit`
 * so that the whole history is chained once, in time order, and stays verifiable.
 */
export interface GeneratorStep {
  name: string;
  run(ctx: GeneratorContext): Promise<void>;
}
