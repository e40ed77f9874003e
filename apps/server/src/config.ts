import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Tillit reads from the environment. Documented in the README's configuration table;
 * keep the two in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  TILLIT_DATA_DIR: z.string().min(1).default('./data'),
  TILLIT_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  TILLIT_PUBLIC_URL: z.string().url().optional(),
  TILLIT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  TILLIT_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // false | true (trust every hop: only when the proxy replaces X-Forwarded-For) | a hop count | trusted proxy addresses/CIDRs.
  TILLIT_TRUST_PROXY: z
    .string()
    .trim()
    .prefault('false')
    .refine((v) => /^(true|false|\d{1,2}|[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*)$/.test(v), 'true, false, a hop count or a comma-separated list of proxy addresses')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  TILLIT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TILLIT_SMTP_URL: z.string().url().optional(),
  TILLIT_MAIL_FROM: z.string().min(3).default('Tillit <tillit@localhost>'),
  TILLIT_DEMO: z.enum(['true', 'false']).prefault('true').transform((v) => v === 'true'),
  TILLIT_WEB_DIST: z.string().optional(),
  TILLIT_JOBS: z.enum(['true', 'false']).prefault('true').transform((v) => v === 'true'),
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
