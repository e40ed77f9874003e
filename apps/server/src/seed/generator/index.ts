import { sql } from 'kysely';
import type { Logger } from 'pino';
import pino from 'pino';
import type { Db } from '../../db/database.js';
import { hashPassword } from '../../platform/auth/secrets.js';
import { foundationActivities } from './activity.js';
import { writeAuditHistory } from './audit-history.js';
import { singleConnection } from './connection.js';
import { copyRows } from './copy.js';
import { generateFoundation } from './foundation.js';
import { planProfile, type GeneratedProfile, type OrgPlan, type ProfilePlan } from './profiles.js';
import { createRandom } from './random.js';
import type { AuditTemplate, GeneratorContext, GeneratorStep } from './steps.js';
import { modules } from '../../modules/index.js';

/** The modules' content steps (their manifests' `generator`), in module order. */
export const generatorSteps: readonly GeneratorStep[] = modules.flatMap((m) => (m.generator ? [m.generator] : []));
export { generatedProfiles, type GeneratedProfile } from './profiles.js';

export interface GenerateOptions {
  profile: GeneratedProfile;
  seed?: number;
  /** End of the generated history (exclusive); defaults to the start of today (UTC). Same seed + same until = same data. */
  until?: Date;
  /** Multiplies every size but the administrations (planProfile): tests use a small fraction, the bench 5. */
  scale?: number;
  log?: Logger;
}

export interface GenerateReport {
  profile: GeneratedProfile;
  seed: number;
  scale: number;
  until: string;
  created: string[];
  skipped: string[];
  /** Milliseconds per step, summed over the organisations. */
  timings: Record<string, number>;
  totalMs: number;
  auditEvents: number;
  password: string;
  logins: { email: string; role: string; organization: string }[];
}

export function startOfTodayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * Builds a profile's organisations in bulk. Each organisation is written in one transaction, so a
 * run that fails leaves nothing half-made; organisations that already exist are skipped, so running
 * it again is harmless.
 */
export async function generate(db: Db, url: string, opts: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const until = opts.until ?? startOfTodayUtc();
  const log = opts.log ?? pino({ level: 'silent' });
  const plan = planProfile(opts.profile, seed, opts.scale ?? 1);
  const since = new Date(until);
  since.setUTCFullYear(since.getUTCFullYear() - plan.years);
  const report: GenerateReport = {
    profile: opts.profile,
    seed,
    scale: opts.scale ?? 1,
    until: until.toISOString(),
    created: [],
    skipped: [],
    timings: {},
    totalMs: 0,
    auditEvents: 0,
    password: plan.password,
    logins: [],
  };
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      report.timings[name] = (report.timings[name] ?? 0) + (performance.now() - t);
    }
  };

  const passwordHash = await time('password-hash', () => hashPassword(plan.password));
  for (const [index, org] of plan.organizations.entries()) {
    const exists = await db.selectFrom('organizations').select('id').where('org_number', '=', org.orgNumber).executeTakeFirst();
    if (exists) {
      report.skipped.push(org.name);
      continue;
    }
    report.auditEvents += await generateOrganization(url, { plan, org, index, seed, since, until, passwordHash, log, time });
    report.created.push(org.name);
    if (index === 0 || (org.kind === 'municipality' && plan.organizations[index - 1]?.kind !== 'municipality')) {
      for (const k of plan.knownUsers) report.logins.push({ email: `${k.local}@${org.domain}`, role: k.role, organization: org.name });
    }
  }
  if (report.created.length) {
    // Fresh bulk data has no statistics and no visibility map: plan and count as a settled database would.
    await time('vacuum-analyze', () => sql`VACUUM ANALYZE`.execute(db));
  }
  report.totalMs = performance.now() - started;
  return report;
}

interface OrgJob {
  plan: ProfilePlan;
  org: OrgPlan;
  index: number;
  seed: number;
  since: Date;
  until: Date;
  passwordHash: string;
  log: Logger;
  time: <T>(name: string, f: () => Promise<T>) => Promise<T>;
}

async function generateOrganization(url: string, job: OrgJob): Promise<number> {
  const { plan, org, seed, time } = job;
  // Streams are named per organisation (by its number), so one organisation's data does not depend on another's.
  const random = (label: string) => createRandom(seed, `${org.orgNumber}/${label}`);
  const ids = random('ids');
  const conn = await singleConnection(url);
  try {
    return await conn.db.transaction().execute(async (trx) => {
      const recorded: AuditTemplate[] = [];
      const ctx: GeneratorContext = {
        profile: plan.profile,
        seed,
        sizes: plan.sizes,
        since: job.since,
        until: job.until,
        trx,
        client: conn.client,
        copy: (table, columns, rows) => copyRows(conn.client, table, columns, rows),
        random,
        organization: {
          id: ids.uuid(),
          rootUnitId: ids.uuid(),
          name: org.name,
          orgNumber: org.orgNumber,
          kind: org.kind,
          domain: org.domain,
        },
        units: [],
        users: [],
        passwordHash: job.passwordHash,
        audit: { record: (e) => void recorded.push(e), activities: [] },
        log: job.log,
      };
      const known = plan.knownUsers.map((k) => ({ ...k, platformAdmin: Boolean(k.platformAdmin) && job.index === 0 }));
      await time('foundation', () => generateFoundation(ctx, org, known));
      const foundation = foundationActivities(ctx.users, ctx.units);
      ctx.audit.activities.push(...foundation.activities);
      for (const step of generatorSteps) await time(step.name, () => step.run(ctx));
      const written = await time('audit-history', () => writeAuditHistory(ctx, recorded, plan.sizes.auditEvents));
      await time('last-login', async () => {
        const entries = [...foundation.lastLogin.entries()];
        await conn.client.query(
          'UPDATE users SET last_login_at = v.t FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, t) WHERE users.id = v.id',
          [entries.map((e) => e[0]), entries.map((e) => e[1].toISOString())],
        );
      });
      job.log.info({ organization: org.name, auditEvents: written }, 'organisation generated');
      return written;
    });
  } finally {
    await conn.close();
  }
}
