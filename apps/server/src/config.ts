import path from 'node:path';
import { z } from 'zod';
import { parseSettings } from './db/tuning.js';
import { decodeKey } from './platform/audit/key.js';

/**
 * Every setting Tillit reads from the environment. Documented in the README's configuration table;
 * keep the two in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  // The migration owner's URL (two-role setup, docs/deployment.md); DATABASE_URL is then the runtime role.
  TILLIT_OWNER_DATABASE_URL: z.string().url().optional(),
  TILLIT_DB_POOL_MAX: z.coerce.number().int().min(2).max(500).default(20),
  TILLIT_DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0.5).max(120).default(5),
  TILLIT_DB_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  TILLIT_PG_MEMORY_MB: z.coerce
    .number()
    .int()
    .min(256)
    .max(4 * 1024 * 1024)
    .optional(),
  TILLIT_PG_SETTINGS: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseSettings(v);
        return true;
      } catch {
        return false;
      }
    }, 'name=value pairs separated by commas, e.g. work_mem=32MB,shared_buffers=1GB'),
  TILLIT_AUDIT_KEY: z
    .string()
    .optional()
    .refine((v) => {
      try {
        if (v !== undefined) decodeKey(v);
        return true;
      } catch {
        return false;
      }
    }, 'at least 32 bytes, as 64 hex digits or base64'),
  TILLIT_AUDIT_RECEIPTS: z.string().min(1).optional(),
  TILLIT_AUDIT_RECEIPT_MINUTES: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(10),
  TILLIT_DATA_DIR: z.string().min(1).default('./data'),
  TILLIT_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  TILLIT_PUBLIC_URL: z.string().url().optional(),
  TILLIT_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  TILLIT_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // false | true (trust every hop: only when the proxy replaces X-Forwarded-For) | a hop count | trusted proxy addresses/CIDRs.
  TILLIT_TRUST_PROXY: z
    .string()
    .trim()
    .prefault('false')
    .refine(
      (v) => /^(true|false|\d{1,2}|[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*)$/.test(v),
      'true, false, a hop count or a comma-separated list of proxy addresses',
    )
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  TILLIT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TILLIT_SMTP_URL: z.string().url().optional(),
  TILLIT_MAIL_FROM: z.string().min(3).default('Tillit <tillit@localhost>'),
  TILLIT_DEMO: z
    .enum(['true', 'false'])
    .prefault('true')
    .transform((v) => v === 'true'),
  TILLIT_WEB_DIST: z.string().optional(),
  TILLIT_JOBS: z
    .enum(['true', 'false'])
    .prefault('true')
    .transform((v) => v === 'true'),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ogiltig konfiguration / invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = c.TILLIT_PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    ownerDatabaseUrl: c.TILLIT_OWNER_DATABASE_URL,
    pool: {
      max: c.TILLIT_DB_POOL_MAX,
      connectTimeoutMs: c.TILLIT_DB_CONNECT_TIMEOUT_SECONDS * 1000,
      statementTimeoutMs: c.TILLIT_DB_STATEMENT_TIMEOUT_SECONDS * 1000,
    },
    pgTuning: { memoryMb: c.TILLIT_PG_MEMORY_MB, settings: parseSettings(c.TILLIT_PG_SETTINGS) },
    auditKey: c.TILLIT_AUDIT_KEY,
    auditReceiptsFile: path.resolve(c.TILLIT_AUDIT_RECEIPTS ?? path.join(c.TILLIT_DATA_DIR, 'audit-receipts.jsonl')),
    auditReceiptIntervalMs: c.TILLIT_AUDIT_RECEIPT_MINUTES * 60_000,
    dataDir: path.resolve(c.TILLIT_DATA_DIR),
    embeddedDbPort: c.TILLIT_DB_PORT,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionIdleMs: c.TILLIT_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: c.TILLIT_SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: c.TILLIT_TRUST_PROXY,
    logLevel: c.TILLIT_LOG_LEVEL,
    smtpUrl: c.TILLIT_SMTP_URL,
    mailFrom: c.TILLIT_MAIL_FROM,
    demo: c.TILLIT_DEMO,
    webDist: path.resolve(c.TILLIT_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    jobs: c.TILLIT_JOBS,
  };
}
